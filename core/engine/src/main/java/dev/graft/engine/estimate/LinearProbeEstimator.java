package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.estimate.internal.Kernels;
import dev.graft.engine.estimate.internal.Lbfgs;
import dev.graft.engine.estimate.internal.Sampling;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A linear probe: stratified k-fold cross-validated accuracy of an L2-regularised multinomial
 * logistic regression on standardised features.
 *
 * <p>Per fold, features are standardised with the training fold's mean and standard deviation; the
 * model minimises mean cross-entropy plus {@code ‖W‖²/(2m)} ({@code m} training examples, i.e.
 * scikit-learn's {@code C = 1}) with L-BFGS (at most 100 iterations). Above {@link
 * #DEFAULT_MAX_EXAMPLES} examples a class-stratified subset is used. Splits and subsets come from
 * the input's seed. Details: {@code folds}, {@code examples}, {@code accuracy_std}, {@code
 * iterations_mean}.
 */
public final class LinearProbeEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "linear-probe";

  /** Folds used by the default instance. */
  public static final int DEFAULT_FOLDS = 5;

  /** Examples used at most by the default instance. */
  public static final int DEFAULT_MAX_EXAMPLES = 2000;

  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-6;

  private final int folds;
  private final int maxExamples;

  /** The default probe: 5 folds, at most 2,000 examples. */
  @Inject
  public LinearProbeEstimator() {
    this(DEFAULT_FOLDS, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * A probe with explicit settings.
   *
   * @param folds cross-validation folds, at least 2
   * @param maxExamples examples used at most, at least {@code folds}
   */
  public LinearProbeEstimator(int folds, int maxExamples) {
    ConfigException.require(folds >= 2, "linear-probe.folds", folds, "at least 2");
    ConfigException.require(
        maxExamples >= folds, "linear-probe.maxExamples", maxExamples, "at least the fold count");
    this.folds = folds;
    this.maxExamples = maxExamples;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Linear probe: cross-validated logistic-regression accuracy on the features.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.FEATURES));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return folds
        + "-fold cross-validated accuracy of a logistic regression on the features,"
        + " between 0 and 1; higher is better; the closest proxy to linear-probe transfer.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix features = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    int[] rows = Sampling.stratified(labels.values(), maxExamples, input.seed());
    int m = rows.length;
    int[] y = new int[m];
    double[][] x = new double[m][];
    for (int i = 0; i < m; i++) {
      y[i] = labels.get(rows[i]);
      x[i] = features.row(rows[i]);
    }
    int classes = EstimatorSupport.referenceClassCount(y);
    int k = Math.min(folds, m);
    int[] fold = Sampling.stratifiedFolds(y, k, input.seed() ^ 0x9E3779B97F4A7C15L);
    double[] accuracy = new double[k];
    double iterations = 0;
    for (int f = 0; f < k; f++) {
      Fold result = runFold(x, y, fold, f, classes);
      accuracy[f] = result.accuracy;
      iterations += result.iterations;
    }
    double mean = 0;
    for (double a : accuracy) {
      mean += a;
    }
    mean /= k;
    double var = 0;
    for (double a : accuracy) {
      var += (a - mean) * (a - mean);
    }
    Map<String, Double> details = new LinkedHashMap<>();
    details.put("folds", (double) k);
    details.put("examples", (double) m);
    details.put("accuracy_std", Math.sqrt(var / k));
    details.put("iterations_mean", iterations / k);
    return new TransferabilityScore(ID, mean, true, details, EstimatorSupport.since(start));
  }

  private record Fold(double accuracy, int iterations) {}

  private static Fold runFold(double[][] x, int[] y, int[] fold, int f, int classes) {
    int m = x.length;
    int d = x[0].length;
    int train = 0;
    for (int v : fold) {
      if (v != f) {
        train++;
      }
    }
    int test = m - train;
    if (train == 0 || test == 0) {
      return new Fold(0, 0);
    }
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int i = 0; i < m; i++) {
      if (fold[i] != f) {
        for (int j = 0; j < d; j++) {
          mean[j] += x[i][j];
        }
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= train;
    }
    for (int i = 0; i < m; i++) {
      if (fold[i] != f) {
        for (int j = 0; j < d; j++) {
          double v = x[i][j] - mean[j];
          std[j] += v * v;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / train);
      if (std[j] == 0) {
        std[j] = 1; // constant feature: centred to zero, carries no information
      }
    }
    double[][] xTrain = new double[train][];
    double[][] xTest = new double[test][];
    int[] yTrain = new int[train];
    int[] yTest = new int[test];
    int a = 0;
    int b = 0;
    for (int i = 0; i < m; i++) {
      double[] z = new double[d + 1];
      for (int j = 0; j < d; j++) {
        z[j] = (x[i][j] - mean[j]) / std[j];
      }
      z[d] = 1.0; // bias column, not regularised
      if (fold[i] != f) {
        xTrain[a] = z;
        yTrain[a++] = y[i];
      } else {
        xTest[b] = z;
        yTest[b++] = y[i];
      }
    }
    double[][] xTrainT = transpose(xTrain, d + 1);
    double[] w = new double[(d + 1) * classes];
    Lbfgs.Objective objective =
        (params, grad) -> crossEntropy(xTrain, xTrainT, yTrain, params, grad, d, classes);
    int iterations = Lbfgs.minimize(objective, w, MAX_ITERATIONS, TOLERANCE);
    double[][] logits = Kernels.multiply(xTest, rows(w, d + 1, classes), 1);
    int hits = 0;
    for (int i = 0; i < test; i++) {
      if (argmax(logits[i]) == yTest[i]) {
        hits++;
      }
    }
    return new Fold((double) hits / test, iterations);
  }

  /** Mean cross-entropy plus {@code ‖W‖²/(2m)} (bias excluded), and its gradient. */
  private static double crossEntropy(
      double[][] x, double[][] xt, int[] y, double[] w, double[] grad, int d, int classes) {
    int m = x.length;
    double[][] logits = Kernels.multiply(x, rows(w, d + 1, classes), 1);
    double loss = 0;
    for (int i = 0; i < m; i++) {
      double[] z = logits[i];
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      loss += Math.log(sum) + max - (Math.log(z[y[i]]) + max);
      for (int c = 0; c < classes; c++) {
        z[c] = (z[c] / sum - (c == y[i] ? 1 : 0)) / m;
      }
    }
    double[][] g = Kernels.multiply(xt, logits, 1);
    double reg = 1.0 / m;
    double penalty = 0;
    for (int j = 0; j <= d; j++) {
      for (int c = 0; c < classes; c++) {
        double wv = w[j * classes + c];
        double gv = g[j][c];
        if (j < d) {
          gv += reg * wv;
          penalty += wv * wv;
        }
        grad[j * classes + c] = gv;
      }
    }
    return loss / m + reg * penalty / 2;
  }

  private static double[][] rows(double[] w, int rows, int cols) {
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(w, r * cols, out[r], 0, cols);
    }
    return out;
  }

  private static double[][] transpose(double[][] x, int cols) {
    double[][] t = new double[cols][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < cols; j++) {
        t[j][i] = x[i][j];
      }
    }
    return t;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
