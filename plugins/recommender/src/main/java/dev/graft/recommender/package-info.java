/**
 * Graft's recommender plugin: rating and interaction readers (MovieLens {@code ratings.csv} and
 * {@code u.data}, generic CSV), recommender splits, a synthetic cross-domain generator, biased
 * matrix factorisation and two-tower models trained with TensorFlow, ranking and rating evaluators,
 * and cross-domain transfer for cold-start users and items.
 */
package dev.graft.recommender;
