/**
 * Training loop for {@link dev.graft.tensorflow.nn.GraphModel}: in-memory and streaming datasets
 * with seeded shuffling, mini-batch epochs, validation each epoch, early stopping, listener
 * callbacks, and atomic checkpoints from which an interrupted run resumes to the same weights as an
 * uninterrupted one.
 */
package dev.graft.tensorflow.train;
