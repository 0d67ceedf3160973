/**
 * Text network recipes built with the TensorFlow toolkit: {@code text-cnn}, {@code embedding-bag}.
 */
package dev.graft.nlp.recipe;
