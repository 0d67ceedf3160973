/**
 * Transferability estimation for recommender targets: how well a source's user representations
 * predict the target users' held-out interactions, before any target model is trained.
 */
package dev.graft.recommender.estimate;
