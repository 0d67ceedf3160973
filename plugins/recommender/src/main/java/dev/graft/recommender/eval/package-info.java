/**
 * Recommender evaluators: top-k ranking metrics (NDCG@k, HR@k, MRR) on the full candidate set split
 * by user activity (cold/warm) or on a sampled candidate set, and rating errors (RMSE, MAE).
 */
package dev.graft.recommender.eval;
