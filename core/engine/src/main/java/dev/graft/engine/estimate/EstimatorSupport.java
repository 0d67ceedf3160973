package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.estimate.EstimationInput;
import java.time.Duration;

/** Validation and conversions shared by the built-in estimators. */
final class EstimatorSupport {

  private EstimatorSupport() {}

  /**
   * The features of {@code input}, checked to be present and finite.
   *
   * @param input the input
   * @param id the estimator asking
   * @return the features
   */
  static FeatureMatrix features(EstimationInput input, String id) {
    return input.requireFeatures(id).requireFinite("feature matrix given to '" + id + "'");
  }

  /**
   * Class labels with at least two classes present.
   *
   * @param input the input
   * @param id the estimator asking
   * @return the labels
   */
  static ClassLabels classLabels(EstimationInput input, String id) {
    ClassLabels labels = input.requireClassLabels(id);
    requireTwoClasses(labels, "target labels", id);
    return labels;
  }

  /**
   * Fails unless at least two classes have examples.
   *
   * @param labels the labels
   * @param what how to name them
   * @param id the estimator asking
   */
  static void requireTwoClasses(ClassLabels labels, String what, String id) {
    if (labels.presentClasses() < 2) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          what
              + " given to '"
              + id
              + "' contain a single class ("
              + labels.get(0)
              + ") in "
              + labels.size()
              + " examples; transferability needs at least two target classes.");
    }
  }

  /**
   * The largest label plus one: the class count the reference implementations use.
   *
   * @param labels the labels
   * @return {@code max(label) + 1}
   */
  static int referenceClassCount(int[] labels) {
    int max = 0;
    for (int v : labels) {
      max = Math.max(max, v);
    }
    return max + 1;
  }

  /**
   * The targets as a row-major {@code n x c} matrix: one-hot columns {@code 0..max(label)} for
   * classification, the values for regression.
   *
   * @param targets the targets
   * @return the matrix and its column count
   */
  static TargetMatrix targetMatrix(Targets targets) {
    if (targets instanceof RegressionTargets regression) {
      FeatureMatrix values = regression.values();
      return new TargetMatrix(values.data(), values.cols());
    }
    int[] labels = ((ClassLabels) targets).values();
    int c = referenceClassCount(labels);
    double[] y = new double[labels.length * c];
    for (int i = 0; i < labels.length; i++) {
      y[i * c + labels[i]] = 1.0;
    }
    return new TargetMatrix(y, c);
  }

  /**
   * Targets as a dense matrix.
   *
   * @param values row-major {@code n x columns}
   * @param columns number of columns
   */
  record TargetMatrix(double[] values, int columns) {}

  /**
   * Time elapsed since {@code startNanos}.
   *
   * @param startNanos a {@link System#nanoTime()} reading
   * @return the duration
   */
  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
