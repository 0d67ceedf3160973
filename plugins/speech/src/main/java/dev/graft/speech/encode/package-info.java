/**
 * The {@code audio} input encoder: clips to the feature tensors a speech model's manifest describes
 * ({@link dev.graft.speech.encode.AudioInputSpec}), with seeded augmentation for training.
 */
package dev.graft.speech.encode;
