package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.estimate.EstimationInput;
import java.util.Optional;
import java.util.Random;

/** Gaussian-mixture inputs with a controlled class separation. */
final class Synthetic {

  private Synthetic() {}

  /**
   * {@code n} examples in {@code d} dimensions, {@code classes} balanced classes whose means lie
   * {@code separation} noise units apart on average; source probabilities are a softmax over
   * distances to the class means (source classes = target classes).
   */
  static EstimationInput mixture(int n, int d, int classes, double separation, long seed) {
    Random rnd = new Random(seed);
    double[][] means = new double[classes][d];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        means[c][j] = separation * rnd.nextGaussian() / Math.sqrt(2);
      }
    }
    int[] y = new int[n];
    double[] x = new double[n * d];
    double[] p = new double[n * classes];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = means[y[i]][j] + rnd.nextGaussian();
      }
      double[] logit = new double[classes];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double diff = x[i * d + j] - means[c][j];
          dist += diff * diff;
        }
        logit[c] = -0.5 * dist;
        max = Math.max(max, logit[c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        logit[c] = Math.exp(logit[c] - max);
        sum += logit[c];
      }
      for (int c = 0; c < classes; c++) {
        p[i * classes + c] = logit[c] / sum;
      }
    }
    return new EstimationInput(
        FeatureMatrix.wrap(n, d, x),
        ClassLabels.of(y, classes),
        Optional.of(new ProbabilityMatrix(FeatureMatrix.wrap(n, classes, p))),
        Optional.empty(),
        seed);
  }

  static FeatureMatrix gaussian(int n, int d, long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextGaussian();
    }
    return FeatureMatrix.wrap(n, d, x);
  }
}
