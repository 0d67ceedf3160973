package dev.graft.tensorflow.train;

/**
 * Metrics of a model on a dataset (inference mode).
 *
 * @param loss the mean weighted per-example loss
 * @param accuracy for softmax cross-entropy the fraction of rows whose arg-max output matches the
 *     arg-max target; for sigmoid cross-entropy the fraction of outputs on the right side of 0.5;
 *     NaN for regression
 * @param meanAbsoluteError the mean absolute difference between outputs and targets
 * @param count the number of examples
 */
public record Evaluation(double loss, double accuracy, double meanAbsoluteError, long count) {}
