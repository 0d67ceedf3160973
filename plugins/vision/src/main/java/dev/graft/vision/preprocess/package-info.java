/**
 * Image preprocessing declared by a model's input: {@link
 * dev.graft.vision.preprocess.ImageInputSpec} (size, channels, resize mode, scaling, per-channel
 * normalisation), {@link dev.graft.vision.preprocess.ImagePreprocessor} producing NHWC float
 * batches, and seeded {@link dev.graft.vision.preprocess.Augmenter} for training.
 */
package dev.graft.vision.preprocess;
