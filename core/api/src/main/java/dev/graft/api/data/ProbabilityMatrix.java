package dev.graft.api.data;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;

/**
 * Class probabilities, one row per example, each row non-negative and summing to 1 (within {@link
 * #SUM_TOLERANCE}, which allows for float32 rounding).
 *
 * @param values the {@code n x classes} matrix
 */
public record ProbabilityMatrix(FeatureMatrix values) {

  /** How far a row sum may be from 1. */
  public static final double SUM_TOLERANCE = 1e-3;

  /** Validates that every row is a probability distribution. */
  public ProbabilityMatrix {
    values.requireFinite("probability matrix");
    int n = values.rows();
    int z = values.cols();
    double[] p = values.data();
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < z; j++) {
        double v = p[i * z + j];
        if (v < 0) {
          throw new InvalidInputException(
              GraftErrors.INVALID_PROBABILITIES,
              "probability at row " + i + ", column " + j + " is " + v + "; it must be >= 0.");
        }
        sum += v;
      }
      if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
        throw new InvalidInputException(
            GraftErrors.INVALID_PROBABILITIES,
            "probability row "
                + i
                + " sums to "
                + sum
                + "; each row must sum to 1 (apply softmax to logits first).");
      }
    }
  }

  /**
   * Number of examples.
   *
   * @return rows
   */
  public int rows() {
    return values.rows();
  }

  /**
   * Number of (source) classes.
   *
   * @return columns
   */
  public int classes() {
    return values.cols();
  }

  /**
   * The most probable class of each row (ties go to the lowest index).
   *
   * @return hard labels
   */
  public ClassLabels argmax() {
    int n = rows();
    int z = classes();
    double[] p = values.data();
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < z; j++) {
        if (p[i * z + j] > p[i * z + best]) {
          best = j;
        }
      }
      out[i] = best;
    }
    return ClassLabels.of(out, z);
  }
}
