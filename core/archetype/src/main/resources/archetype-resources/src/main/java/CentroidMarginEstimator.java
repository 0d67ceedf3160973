package ${package};

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code ${pluginId}-centroid-margin}: how well the source's features separate the target's
 * classes, before any training. Features are standardised per column; for every example the
 * margin {@code (d_other - d_own) / (d_other + d_own)} compares its distance to its own class
 * centroid with the distance to the nearest other centroid. The score is the mean margin, in
 * [-1, 1]; higher is better. Deterministic; O(n * d * classes).
 */
@Extension
public final class CentroidMarginEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "${pluginId}-centroid-margin";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mean relative margin between an example's own class centroid and the nearest other.";
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
    return "1 = every example sits at its class centroid, 0 = halfway to another class,"
        + " below 0 = closer to another class than to its own.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix features = input.requireFeatures(ID).requireFinite("features");
    ClassLabels labels = input.requireClassLabels(ID);
    if (labels.presentClasses() < 2) {
      throw new GraftException(
          GraftErrors.INVALID_LABELS,
          "estimator '"
              + ID
              + "' needs at least 2 classes present in the target labels; found "
              + labels.presentClasses()
              + ".");
    }
    int n = features.rows();
    int d = features.cols();
    double[] x = standardised(features);
    int k = labels.numClasses();
    double[] centroids = new double[k * d];
    int[] counts = labels.counts();
    for (int i = 0; i < n; i++) {
      int c = labels.get(i);
      for (int j = 0; j < d; j++) {
        centroids[c * d + j] += x[i * d + j] / counts[c];
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int own = labels.get(i);
      double dOwn = 0;
      double dOther = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) {
          continue;
        }
        double dist = 0;
        for (int j = 0; j < d; j++) {
          double diff = x[i * d + j] - centroids[c * d + j];
          dist += diff * diff;
        }
        dist = Math.sqrt(dist);
        if (c == own) {
          dOwn = dist;
        } else {
          dOther = Math.min(dOther, dist);
        }
      }
      double total = dOwn + dOther;
      sum += total > 0 ? (dOther - dOwn) / total : 0;
    }
    return new TransferabilityScore(
        ID,
        sum / n,
        true,
        Map.of("classes", (double) labels.presentClasses()),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Row-major copy with every column at mean 0 and standard deviation 1 (constant ones at 0). */
  private static double[] standardised(FeatureMatrix f) {
    int n = f.rows();
    int d = f.cols();
    double[] in = f.data();
    double[] out = new double[n * d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += in[i * d + j] / n;
      }
      double var = 0;
      for (int i = 0; i < n; i++) {
        double diff = in[i * d + j] - mean;
        var += diff * diff / n;
      }
      double scale = var > 1e-24 ? 1 / Math.sqrt(var) : 0;
      for (int i = 0; i < n; i++) {
        out[i * d + j] = (in[i * d + j] - mean) * scale;
      }
    }
    return out;
  }
}
