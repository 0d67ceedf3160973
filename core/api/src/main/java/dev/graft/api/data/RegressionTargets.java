package dev.graft.api.data;

import dev.graft.api.extension.TaskType;

/**
 * Real-valued targets: one row per example, one column per output.
 *
 * @param values the target matrix ({@code n x outputs}), all finite
 */
public record RegressionTargets(FeatureMatrix values) implements Targets {

  /** Validates the values are finite. */
  public RegressionTargets {
    values.requireFinite("regression targets");
  }

  /**
   * Single-output targets.
   *
   * @param values one value per example
   * @return the targets
   */
  public static RegressionTargets of(double... values) {
    return new RegressionTargets(FeatureMatrix.wrap(values.length, 1, values.clone()));
  }

  @Override
  public int size() {
    return values.rows();
  }

  @Override
  public TaskType task() {
    return TaskType.REGRESSION;
  }

  /**
   * Number of outputs per example.
   *
   * @return the output count
   */
  public int outputs() {
    return values.cols();
  }
}
