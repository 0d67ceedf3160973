package dev.graft.recommender.eval;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Predictions;

/** Shape and value checks the recommender evaluators share. */
final class Inputs {

  private Inputs() {}

  static FeatureMatrix scores(Predictions p, String evaluator) {
    return p.outputs()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    GraftErrors.SIZE_MISMATCH,
                    evaluator
                        + " needs a users x items score matrix (Predictions.outputs); got class"
                        + " probabilities."));
  }

  static FeatureMatrix relevance(Targets t, FeatureMatrix scores, String evaluator) {
    if (!(t instanceof RegressionTargets r)) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          evaluator
              + " needs a users x items relevance matrix (RegressionTargets), as recommender"
              + " readers produce with a holdout; got class labels.");
    }
    FeatureMatrix rel = r.values();
    if (rel.rows() != scores.rows() || rel.cols() != scores.cols()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          evaluator
              + ": scores are "
              + scores.rows()
              + " x "
              + scores.cols()
              + " but the relevance matrix is "
              + rel.rows()
              + " x "
              + rel.cols()
              + " (users x items); they must match.");
    }
    double[] s = scores.data();
    double[] v = rel.data();
    for (int i = 0; i < s.length; i++) {
      if (Double.isNaN(s[i]) || s[i] == Double.POSITIVE_INFINITY) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            evaluator
                + ": score of user "
                + i / scores.cols()
                + ", item "
                + i % scores.cols()
                + " is "
                + s[i]
                + "; scores must be finite, or -Infinity to mask an item.");
      }
      if (v[i] < 0) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            evaluator
                + ": relevance of user "
                + i / scores.cols()
                + ", item "
                + i % scores.cols()
                + " is "
                + v[i]
                + "; relevance must be 0 or positive.");
      }
    }
    return rel;
  }

  static int masked(double[] scores) {
    int n = 0;
    for (double s : scores) {
      n += s == Double.NEGATIVE_INFINITY ? 1 : 0;
    }
    return n;
  }
}
