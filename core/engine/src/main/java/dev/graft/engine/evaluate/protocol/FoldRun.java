package dev.graft.engine.evaluate.protocol;

import dev.graft.api.evaluate.Metric;
import java.util.List;

/**
 * One fold of a cross-validation: train on the split's training part, evaluate on its test part.
 */
@FunctionalInterface
public interface FoldRun {

  /**
   * Runs one fold.
   *
   * @param split the fold's training and test indices
   * @param fold the fold number, {@code 0 .. k-1}
   * @return the metrics; every fold reports the same metric names
   */
  List<Metric> run(Split split, int fold);
}
