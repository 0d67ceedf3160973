/**
 * Evaluation: the {@link dev.graft.api.evaluate.Evaluator} extension point, {@link
 * dev.graft.api.evaluate.Predictions} and {@link dev.graft.api.evaluate.Metric}s.
 */
package dev.graft.api.evaluate;
