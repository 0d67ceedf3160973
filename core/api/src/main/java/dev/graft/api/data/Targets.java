package dev.graft.api.data;

import dev.graft.api.extension.TaskType;

/**
 * What a model is asked to predict for each example: {@link ClassLabels} for classification or
 * {@link RegressionTargets} for regression.
 */
public sealed interface Targets permits ClassLabels, RegressionTargets {

  /**
   * Number of examples.
   *
   * @return the count
   */
  int size();

  /**
   * The task these targets define.
   *
   * @return CLASSIFICATION or REGRESSION
   */
  TaskType task();
}
