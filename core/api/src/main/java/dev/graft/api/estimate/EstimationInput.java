package dev.graft.api.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import java.util.Optional;

/**
 * What an estimator sees for one (source, target) pair.
 *
 * @param features the source model's features on the target examples ({@code n x d}); may be {@code
 *     null} only for estimators that do not declare {@code FEATURES}
 * @param targets the target labels or regression values, {@code n} of them
 * @param sourceProbabilities the source model's class probabilities on the target examples ({@code
 *     n x z}), if available
 * @param sourceLabels the source model's hard predictions on the target examples, if available
 *     (derived from {@code sourceProbabilities} by argmax when only those are given)
 * @param seed seed for estimators that sample or split (kNN, linear probe)
 */
public record EstimationInput(
    FeatureMatrix features,
    Targets targets,
    Optional<ProbabilityMatrix> sourceProbabilities,
    Optional<ClassLabels> sourceLabels,
    long seed) {

  /** Validates sizes: every present part has one row per target. */
  public EstimationInput {
    if (targets == null) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "estimation input has no targets.");
    }
    sourceProbabilities = sourceProbabilities == null ? Optional.empty() : sourceProbabilities;
    sourceLabels = sourceLabels == null ? Optional.empty() : sourceLabels;
    int n = targets.size();
    if (features != null && features.rows() != n) {
      throw mismatch("feature matrix", features.rows(), n);
    }
    if (sourceProbabilities.isPresent() && sourceProbabilities.get().rows() != n) {
      throw mismatch("source probability matrix", sourceProbabilities.get().rows(), n);
    }
    if (sourceLabels.isPresent() && sourceLabels.get().size() != n) {
      throw mismatch("source label vector", sourceLabels.get().size(), n);
    }
    if (sourceLabels.isEmpty() && sourceProbabilities.isPresent()) {
      sourceLabels = Optional.of(sourceProbabilities.get().argmax());
    }
  }

  private static InvalidInputException mismatch(String what, int rows, int n) {
    return new InvalidInputException(
        GraftErrors.SIZE_MISMATCH,
        what + " has " + rows + " rows but there are " + n + " target labels; they must match.");
  }

  /**
   * Features and targets only (seed 0).
   *
   * @param features the features
   * @param targets the targets
   * @return the input
   */
  public static EstimationInput of(FeatureMatrix features, Targets targets) {
    return new EstimationInput(features, targets, Optional.empty(), Optional.empty(), 0L);
  }

  /**
   * Features, targets and source probabilities (seed 0).
   *
   * @param features the features, may be null for probability-only estimators
   * @param targets the targets
   * @param probabilities the source model's probabilities
   * @return the input
   */
  public static EstimationInput withProbabilities(
      FeatureMatrix features, Targets targets, ProbabilityMatrix probabilities) {
    return new EstimationInput(features, targets, Optional.of(probabilities), Optional.empty(), 0L);
  }

  /**
   * A copy with another seed.
   *
   * @param newSeed the seed
   * @return the input
   */
  public EstimationInput withSeed(long newSeed) {
    return new EstimationInput(features, targets, sourceProbabilities, sourceLabels, newSeed);
  }

  /**
   * The features, or an error naming the estimator that needs them.
   *
   * @param estimatorId the estimator asking
   * @return the features
   */
  public FeatureMatrix requireFeatures(String estimatorId) {
    if (features == null) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "estimator '" + estimatorId + "' needs the source's features on the target data.");
    }
    return features;
  }

  /**
   * Class labels, or an error naming the estimator that needs them.
   *
   * @param estimatorId the estimator asking
   * @return the labels
   */
  public ClassLabels requireClassLabels(String estimatorId) {
    if (targets instanceof ClassLabels labels) {
      return labels;
    }
    throw new GraftException(
        GraftErrors.REQUIREMENT_NOT_MET,
        "estimator '"
            + estimatorId
            + "' handles classification only; the targets are real-valued.");
  }
}
