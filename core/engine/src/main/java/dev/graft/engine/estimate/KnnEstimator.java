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
import dev.graft.engine.estimate.internal.Parallel;
import dev.graft.engine.estimate.internal.Sampling;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;

/**
 * A k-nearest-neighbour probe: the leave-one-out accuracy of a {@code k}-NN classifier (Euclidean
 * distance on the features as given) over the target examples.
 *
 * <p>Each example is classified by a majority vote of its {@code k} nearest other examples; a tie
 * is won by the tied class with the nearest member. Above {@link #DEFAULT_MAX_EXAMPLES} examples, a
 * class-stratified random subset (from the input's seed) is used, keeping the cost {@code O(m² d)}.
 * Details: {@code k}, {@code examples}.
 */
public final class KnnEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "knn";

  /** Neighbours used by the default instance. */
  public static final int DEFAULT_K = 5;

  /** Examples used at most by the default instance. */
  public static final int DEFAULT_MAX_EXAMPLES = 5000;

  private final int k;
  private final int maxExamples;

  /** The default probe: 5 neighbours, at most 5,000 examples. */
  @Inject
  public KnnEstimator() {
    this(DEFAULT_K, DEFAULT_MAX_EXAMPLES);
  }

  /**
   * A probe with explicit settings.
   *
   * @param k neighbours, at least 1
   * @param maxExamples examples used at most (sampled beyond that), at least 2
   */
  public KnnEstimator(int k, int maxExamples) {
    ConfigException.require(k >= 1, "knn.k", k, "a positive integer");
    ConfigException.require(maxExamples >= 2, "knn.maxExamples", maxExamples, "at least 2");
    this.k = k;
    this.maxExamples = maxExamples;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "k-NN probe: leave-one-out k-nearest-neighbour accuracy on the features.";
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
    return "Leave-one-out accuracy of a "
        + k
        + "-nearest-neighbour classifier, between 0 and 1;"
        + " higher is better; compare with 1/classes for chance level.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix features = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    int[] rows = Sampling.stratified(labels.values(), maxExamples, input.seed());
    int m = rows.length;
    int d = features.cols();
    int[] y = new int[m];
    double[][] x = new double[m][];
    double[] norms = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = labels.get(rows[i]);
      x[i] = features.row(rows[i]);
      double s = 0;
      for (double v : x[i]) {
        s += v * v;
      }
      norms[i] = s;
    }
    double[][] xt = new double[d][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        xt[j][i] = x[i][j];
      }
    }
    int neighbours = Math.min(k, m - 1);
    int numClasses = labels.numClasses();
    int block = 128;
    int blocks = (m + block - 1) / block;
    int[] correct = new int[blocks];
    Parallel.forEach(
        blocks,
        (double) m * m * d < 5e7 ? 1 : Parallel.threads(),
        b -> {
          int i0 = b * block;
          int i1 = Math.min(m, i0 + block);
          double[][] queries = new double[i1 - i0][];
          System.arraycopy(x, i0, queries, 0, i1 - i0);
          double[][] dots = Kernels.multiply(queries, xt, 1);
          int hits = 0;
          for (int i = i0; i < i1; i++) {
            double[] dot = dots[i - i0];
            if (vote(dot, norms, i, y, neighbours, numClasses) == y[i]) {
              hits++;
            }
          }
          correct[b] = hits;
        });
    int hits = 0;
    for (int c : correct) {
      hits += c;
    }
    return new TransferabilityScore(
        ID,
        (double) hits / m,
        true,
        Map.of("k", (double) neighbours, "examples", (double) m),
        EstimatorSupport.since(start));
  }

  /** The majority class among the nearest neighbours of {@code self} (ties: nearest member). */
  private static int vote(
      double[] dot, double[] norms, int self, int[] y, int neighbours, int numClasses) {
    int m = norms.length;
    double[] bestDist = new double[neighbours];
    int[] bestIdx = new int[neighbours];
    int size = 0;
    for (int j = 0; j < m; j++) {
      if (j == self) {
        continue;
      }
      double dist = norms[j] - 2 * dot[j];
      if (size < neighbours) {
        int pos = size++;
        while (pos > 0 && (bestDist[pos - 1] > dist)) {
          bestDist[pos] = bestDist[pos - 1];
          bestIdx[pos] = bestIdx[pos - 1];
          pos--;
        }
        bestDist[pos] = dist;
        bestIdx[pos] = j;
      } else if (dist < bestDist[neighbours - 1]) {
        int pos = neighbours - 1;
        while (pos > 0 && bestDist[pos - 1] > dist) {
          bestDist[pos] = bestDist[pos - 1];
          bestIdx[pos] = bestIdx[pos - 1];
          pos--;
        }
        bestDist[pos] = dist;
        bestIdx[pos] = j;
      }
    }
    int[] votes = new int[numClasses];
    int most = 0;
    for (int q = 0; q < size; q++) {
      most = Math.max(most, ++votes[y[bestIdx[q]]]);
    }
    // neighbours are sorted by distance: the first class reaching the top count has the nearest
    // member
    int best = -1;
    for (int q = 0; q < size && best < 0; q++) {
      if (votes[y[bestIdx[q]]] == most) {
        best = y[bestIdx[q]];
      }
    }
    return best;
  }
}
