package dev.graft.api.evaluate;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;
import java.util.Optional;

/**
 * What a model predicted for a data set: class probabilities (classification) or real-valued
 * outputs (regression, ranking scores).
 *
 * @param probabilities class probabilities, one row per example, for classification
 * @param outputs raw outputs, one row per example, for regression or ranking
 */
public record Predictions(
    Optional<ProbabilityMatrix> probabilities, Optional<FeatureMatrix> outputs) {

  /** Requires at least one of the two. */
  public Predictions {
    probabilities = probabilities == null ? Optional.empty() : probabilities;
    outputs = outputs == null ? Optional.empty() : outputs;
    ConfigException.require(
        probabilities.isPresent() || outputs.isPresent(),
        "predictions",
        "empty",
        "class probabilities or outputs");
  }

  /**
   * Classification predictions.
   *
   * @param probabilities class probabilities
   * @return the predictions
   */
  public static Predictions ofProbabilities(ProbabilityMatrix probabilities) {
    return new Predictions(Optional.of(probabilities), Optional.empty());
  }

  /**
   * Regression or ranking predictions.
   *
   * @param outputs raw outputs
   * @return the predictions
   */
  public static Predictions ofOutputs(FeatureMatrix outputs) {
    return new Predictions(Optional.empty(), Optional.of(outputs));
  }
}
