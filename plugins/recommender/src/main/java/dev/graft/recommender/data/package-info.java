/**
 * Recommender data: the columnar {@link dev.graft.recommender.data.Interactions} table, the item
 * {@link dev.graft.recommender.data.Catalog} with optional content features, and {@link
 * dev.graft.recommender.data.UserHistory}, the example type of recommender data sets (one example
 * per user).
 */
package dev.graft.recommender.data;
