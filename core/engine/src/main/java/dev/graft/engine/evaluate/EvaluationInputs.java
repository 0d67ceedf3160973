package dev.graft.engine.evaluate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Predictions;

/** Checks an evaluator's inputs and names the evaluator, the sizes and the values in each error. */
final class EvaluationInputs {

  private EvaluationInputs() {}

  /** The class probabilities, or GRAFT-EXT-001 if the predictions carry only raw outputs. */
  static ProbabilityMatrix probabilities(Predictions predictions, String evaluator) {
    return predictions
        .probabilities()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    GraftErrors.REQUIREMENT_NOT_MET,
                    "evaluator '"
                        + evaluator
                        + "' needs class probabilities but the predictions hold only raw outputs;"
                        + " apply softmax and pass Predictions.ofProbabilities(...)."));
  }

  /** The raw outputs, or GRAFT-EXT-001 if the predictions carry only class probabilities. */
  static FeatureMatrix outputs(Predictions predictions, String evaluator) {
    return predictions
        .outputs()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    GraftErrors.REQUIREMENT_NOT_MET,
                    "evaluator '"
                        + evaluator
                        + "' needs real-valued outputs but the predictions hold only class"
                        + " probabilities; pass Predictions.ofOutputs(...)."));
  }

  /** The truth as class labels, or GRAFT-DATA-004 if it is real-valued. */
  static ClassLabels classLabels(Targets truth, String evaluator) {
    if (truth instanceof ClassLabels labels) {
      return labels;
    }
    throw new InvalidInputException(
        GraftErrors.INVALID_LABELS,
        "evaluator '"
            + evaluator
            + "' needs class labels as the truth but got real-valued targets; use the"
            + " 'regression' or 'ranking' evaluator for those.");
  }

  /** The truth as a real-valued matrix, or GRAFT-DATA-004 if it is class labels. */
  static FeatureMatrix realTargets(Targets truth, String evaluator) {
    if (truth instanceof RegressionTargets targets) {
      return targets.values();
    }
    throw new InvalidInputException(
        GraftErrors.INVALID_LABELS,
        "evaluator '"
            + evaluator
            + "' needs real-valued targets as the truth but got class labels; use the"
            + " 'classification' evaluator for those.");
  }

  /** GRAFT-DATA-002 unless predictions and truth have the same number of rows. */
  static void sameRows(int predictionRows, int truthRows, String evaluator) {
    if (predictionRows != truthRows) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "evaluator '"
              + evaluator
              + "' got predictions for "
              + predictionRows
              + " examples but truth for "
              + truthRows
              + "; pass predictions and truth for the same examples in the same order.");
    }
  }

  /** GRAFT-DATA-002 unless predictions and truth have the same number of columns. */
  static void sameColumns(int predictionCols, int truthCols, String what, String evaluator) {
    if (predictionCols != truthCols) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "evaluator '"
              + evaluator
              + "' got predictions with "
              + predictionCols
              + " "
              + what
              + " but truth with "
              + truthCols
              + ".");
    }
  }
}
