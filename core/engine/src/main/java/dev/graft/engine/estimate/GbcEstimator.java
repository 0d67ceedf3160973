package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.estimate.internal.Parallel;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * GBC (Pándy et al., CVPR 2022): the negated sum of Bhattacharyya coefficients between per-class
 * Gaussians with diagonal covariance.
 *
 * <p>For each class present: mean {@code μ_c} and population variance {@code σ²_c} (floored at
 * {@code 1e-4}) per feature. With {@code σ̄ = (σ²_a + σ²_b)/2}, {@code D_B(a,b) = 1/8 Σ (μ_a -
 * μ_b)²/σ̄ + 1/2 (Σ log σ̄ - 1/2 Σ log σ²_a - 1/2 Σ log σ²_b)} and {@code GBC = -Σ_{a ≠ b}
 * exp(-D_B(a,b))} over ordered pairs, as in the authors' code (used on the features as given; the
 * paper's experiments first reduce them with PCA). At most 0; higher (closer to 0) means better
 * separated classes.
 */
public final class GbcEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "gbc";

  private static final double VARIANCE_FLOOR = 1e-4;

  /** Creates the estimator. */
  public GbcEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "GBC: Gaussian Bhattacharyya coefficient class overlap, diagonal covariance"
        + " (Pandy et al., CVPR 2022).";
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
    return "Minus the total pairwise overlap of per-class Gaussians; at most 0, higher (closer to"
        + " 0) means better separated classes; its scale grows with the number of classes.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix features = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    int n = features.rows();
    int d = features.cols();
    double[] f = features.data();
    int[] y = labels.values();
    int numClasses = EstimatorSupport.referenceClassCount(y);
    int[] counts = new int[numClasses];
    for (int v : y) {
      counts[v]++;
    }
    int[] present = IntStream.range(0, numClasses).filter(c -> counts[c] > 0).toArray();
    int[] slot = new int[numClasses];
    for (int s = 0; s < present.length; s++) {
      slot[present[s]] = s;
    }
    int k = present.length;
    double[][] mean = new double[k][d];
    double[][] var = new double[k][d];
    for (int i = 0; i < n; i++) {
      double[] m = mean[slot[y[i]]];
      int off = i * d;
      for (int j = 0; j < d; j++) {
        m[j] += f[off + j];
      }
    }
    for (int s = 0; s < k; s++) {
      double inv = 1.0 / counts[present[s]];
      for (int j = 0; j < d; j++) {
        mean[s][j] *= inv;
      }
    }
    for (int i = 0; i < n; i++) {
      int s = slot[y[i]];
      double[] m = mean[s];
      double[] v = var[s];
      int off = i * d;
      for (int j = 0; j < d; j++) {
        double diff = f[off + j] - m[j];
        v[j] += diff * diff;
      }
    }
    double[] halfLogDet = new double[k];
    for (int s = 0; s < k; s++) {
      double inv = 1.0 / counts[present[s]];
      double sum = 0;
      for (int j = 0; j < d; j++) {
        var[s][j] = Math.max(var[s][j] * inv, VARIANCE_FLOOR);
        sum += Math.log(var[s][j]);
      }
      halfLogDet[s] = 0.5 * sum;
    }
    double[] rowSums = new double[k];
    double work = (double) k * k * d;
    Parallel.forEach(
        k,
        work < 2e6 ? 1 : Parallel.threads(),
        a -> {
          double total = 0;
          for (int b = a + 1; b < k; b++) {
            double db = distance(mean[a], var[a], halfLogDet[a], mean[b], var[b], halfLogDet[b]);
            total += Math.exp(-db);
          }
          rowSums[a] = total;
        });
    double sum = 0;
    for (double r : rowSums) {
      sum += r;
    }
    return new TransferabilityScore(
        ID, -2 * sum, true, Map.of("classes", (double) k), EstimatorSupport.since(start));
  }

  private static double distance(
      double[] muA, double[] varA, double halfLogA, double[] muB, double[] varB, double halfLogB) {
    double mahalanobis = 0;
    double logAvg = 0;
    for (int j = 0; j < muA.length; j++) {
      double avg = (varA[j] + varB[j]) / 2;
      double diff = muA[j] - muB[j];
      mahalanobis += diff * diff / avg;
      logAvg += Math.log(avg);
    }
    return mahalanobis / 8 + 0.5 * (logAvg - halfLogA - halfLogB);
  }
}
