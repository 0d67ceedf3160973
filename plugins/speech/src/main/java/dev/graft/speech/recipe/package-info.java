/**
 * Keyword-spotting networks over {@code frames x bins x 1} feature inputs, built with the
 * TensorFlow toolkit's {@code nn} package.
 */
package dev.graft.speech.recipe;
