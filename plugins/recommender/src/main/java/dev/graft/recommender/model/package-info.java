/**
 * Recommender models trained with TensorFlow's graph API: biased matrix factorisation (explicit
 * ratings, MSE) and a two-tower model (user embeddings, item embeddings and/or a content tower)
 * with BPR or sampled-softmax loss over seeded negatives. {@link
 * dev.graft.recommender.model.FactorTrainer} trains, {@link
 * dev.graft.recommender.model.FactorModel} holds the learned factors and scores, folds in new users
 * and embeds new items from their content.
 */
package dev.graft.recommender.model;
