package dev.graft.api.evaluate;

import dev.graft.api.data.Targets;
import dev.graft.api.extension.GraftExtension;
import java.util.List;

/**
 * Measures predictions against the truth: accuracy, macro-F1, ROC-AUC, calibration error, RMSE,
 * NDCG@k and so on. Evaluators are pure functions of their inputs, thread-safe, and declare the
 * task types they handle in {@link #capabilities()}.
 */
public interface Evaluator extends GraftExtension {

  /**
   * Computes this evaluator's metrics.
   *
   * @param predictions what the model predicted, one row per example
   * @param truth the true targets, same order
   * @return one or more metrics
   * @throws dev.graft.api.error.InvalidInputException GRAFT-DATA-002 if the sizes differ
   */
  List<Metric> evaluate(Predictions predictions, Targets truth);
}
