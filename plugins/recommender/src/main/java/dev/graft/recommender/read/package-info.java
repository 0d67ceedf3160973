/**
 * Dataset readers for ratings and interactions: MovieLens {@code ratings.csv}, MovieLens-100K
 * {@code u.data}, and generic delimited files with a column mapping, with optional item metadata
 * (genres) as content features and an optional held-out split.
 */
package dev.graft.recommender.read;
