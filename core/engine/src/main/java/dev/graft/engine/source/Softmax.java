package dev.graft.engine.source;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;

/** Row-wise softmax of logits into probabilities (in double precision, max-shifted). */
public final class Softmax {

  private Softmax() {}

  /**
   * Applies softmax to each row.
   *
   * @param logits row-major logits
   * @param rows number of rows
   * @param cols number of classes
   * @return the probabilities
   */
  public static ProbabilityMatrix rows(float[] logits, int rows, int cols) {
    double[] p = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < cols; j++) {
        max = Math.max(max, logits[i * cols + j]);
      }
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        double e = Math.exp(logits[i * cols + j] - max);
        p[i * cols + j] = e;
        sum += e;
      }
      for (int j = 0; j < cols; j++) {
        p[i * cols + j] /= sum;
      }
    }
    return new ProbabilityMatrix(FeatureMatrix.wrap(rows, cols, p));
  }
}
