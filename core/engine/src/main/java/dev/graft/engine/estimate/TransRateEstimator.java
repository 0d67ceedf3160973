package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.estimate.internal.CodingRate;
import dev.graft.engine.estimate.internal.Stats;
import java.util.EnumSet;
import java.util.Map;

/**
 * TransRate (Huang et al., ICML 2022): the coding-rate difference {@code R(Z, ε) - R(Z, ε | Y)} of
 * the centred features {@code Z}.
 *
 * <p>{@code R(Z, ε) = 1/2 log det(I + ZᵀZ / (n ε))} with {@code ε = 1e-4}; the conditional term is
 * {@code 1/K Σ_c R(Z_c, ε)} over classes {@code 0..max(y)} (class rows not re-centred, {@code n}
 * replaced by the class size), as in the authors' code. An empty class contributes 0 (the reference
 * would produce NaN). Higher is better.
 */
public final class TransRateEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "transrate";

  /** The distortion ε of the reference implementation. */
  public static final double EPSILON = 1e-4;

  /** Creates the estimator. */
  public TransRateEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "TransRate: coding-rate gain of the features from knowing the labels"
        + " (Huang et al., ICML 2022).";
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
    return "Coding rate of all features minus the mean per-class coding rate (nats); higher is"
        + " better; grows with the feature dimension, so compare sources of similar width.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix features = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    int n = features.rows();
    int d = features.cols();
    double[] f = features.data();
    double[] mean = Stats.columnMeans(f, n, d);
    double whole = CodingRate.of(f, d, null, mean, EPSILON);
    int[] y = labels.values();
    int k = EstimatorSupport.referenceClassCount(y);
    int[] counts = new int[k];
    for (int v : y) {
      counts[v]++;
    }
    int[][] members = new int[k][];
    for (int c = 0; c < k; c++) {
      members[c] = new int[counts[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < n; i++) {
      members[y[i]][fill[y[i]]++] = i;
    }
    double conditional = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        conditional += CodingRate.of(f, d, members[c], mean, EPSILON);
      }
    }
    conditional /= k;
    return new TransferabilityScore(
        ID,
        whole - conditional,
        true,
        Map.of("rate", whole, "conditional_rate", conditional, "classes", (double) k),
        EstimatorSupport.since(start));
  }
}
