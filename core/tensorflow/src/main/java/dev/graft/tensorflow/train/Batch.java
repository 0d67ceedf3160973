package dev.graft.tensorflow.train;

/**
 * A mini-batch, row-major.
 *
 * @param features {@code size * exampleSize} input values
 * @param targets {@code size * targetWidth} target values (one-hot rows for classification)
 * @param weights {@code size} per-example weights, or null for all ones
 * @param size the number of examples
 */
public record Batch(float[] features, float[] targets, float[] weights, int size) {}
