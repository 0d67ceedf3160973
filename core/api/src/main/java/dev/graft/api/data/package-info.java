/**
 * Data exchanged between extensions: feature matrices, labels and regression targets, probability
 * matrices, data sets and splits, and the {@link dev.graft.api.data.DatasetReader} extension point.
 */
package dev.graft.api.data;
