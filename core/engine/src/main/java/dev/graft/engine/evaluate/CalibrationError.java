package dev.graft.engine.evaluate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;

/**
 * Expected calibration error (Guo et al., "On Calibration of Modern Neural Networks", ICML 2017)
 * with top-label confidence: each example's confidence is its largest class probability and it is
 * correct if that class (lowest index on ties) is the true one. Confidences fall into {@code bins}
 * equal-width bins {@code [b/B, (b+1)/B)}, the last bin also holding 1.0, and
 *
 * <pre>ECE = Σ_b (n_b / n) · |accuracy_b − mean confidence_b|</pre>
 *
 * <p>0 means perfectly calibrated: in every bin the model is right exactly as often as it claims.
 */
public final class CalibrationError {

  /** The default number of bins, as in Guo et al. */
  public static final int DEFAULT_BINS = 15;

  private CalibrationError() {}

  /**
   * The expected calibration error.
   *
   * @param probabilities class probabilities, one row per example
   * @param truth the true classes, same examples, same class count
   * @param bins number of equal-width confidence bins, at least 1
   * @return ECE in [0, 1]
   * @throws dev.graft.api.error.InvalidInputException GRAFT-DATA-002 if the sizes or class counts
   *     differ
   * @throws ConfigException GRAFT-CONFIG-001 if {@code bins < 1}
   */
  public static double expected(ProbabilityMatrix probabilities, ClassLabels truth, int bins) {
    ConfigException.require(bins >= 1, "ece bins", bins, "at least 1");
    EvaluationInputs.sameRows(probabilities.rows(), truth.size(), "ece");
    EvaluationInputs.sameColumns(
        probabilities.classes(), truth.numClasses(), "class columns", "ece");
    int n = truth.size();
    int k = probabilities.classes();
    double[] p = probabilities.values().data();
    int[] binCount = new int[bins];
    double[] binConfidence = new double[bins];
    double[] binCorrect = new double[bins];
    for (int i = 0; i < n; i++) {
      int top = 0;
      for (int c = 1; c < k; c++) {
        if (p[i * k + c] > p[i * k + top]) {
          top = c;
        }
      }
      double confidence = p[i * k + top];
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(confidence * bins)));
      binCount[b]++;
      binConfidence[b] += confidence;
      binCorrect[b] += top == truth.get(i) ? 1 : 0;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (binCount[b] > 0) {
        ece += Math.abs(binCorrect[b] - binConfidence[b]) / n;
      }
    }
    return ece;
  }
}
