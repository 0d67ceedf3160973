/**
 * Reading feature matrices, labels and probability matrices from the files users have: CSV (header
 * optional, detected) and NumPy {@code .npy} (via {@link dev.graft.tensorflow.io.Npy}). Errors name
 * the file, line and column.
 */
package dev.graft.engine.io;
