/**
 * Text network recipes built with the TensorFlow toolkit: {@code text-cnn}, {@code embedding-bag}
 * and small Transformer encoders ({@code transformer-1} to {@code transformer-4}).
 */
package dev.graft.nlp.recipe;
