package dev.graft.engine.strategy;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.extension.Modality;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated vector data. {@link #circle}: {@value #CLUSTERS} clusters on a circle in the first two
 * of {@value #DIM} dimensions (the others are noise); a source task labels the cluster, a target
 * task labels clusters modulo 4, so each target class is two opposite clusters (not linearly
 * separable in the input, easy on features that separate the clusters).
 */
final class Synthetic {

  static final int DIM = 12;
  static final int CLUSTERS = 8;

  private Synthetic() {}

  static Dataset<float[]> data(String name, List<float[]> x, int[] labels, List<String> names) {
    return Dataset.labelled(info(name), x, ClassLabels.of(labels, names));
  }

  static DatasetInfo info(String name) {
    return new DatasetInfo(name, Modality.TABULAR, "generated", "sha256:" + name, Map.of());
  }

  static List<String> names(int k) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      out.add("c" + c);
    }
    return out;
  }

  /** One example of cluster {@code cluster}. */
  static float[] circlePoint(int cluster, Random rnd) {
    double angle = 2 * Math.PI * cluster / CLUSTERS;
    float[] x = new float[DIM];
    x[0] = (float) (3 * Math.cos(angle) + 0.45 * rnd.nextGaussian());
    x[1] = (float) (3 * Math.sin(angle) + 0.45 * rnd.nextGaussian());
    for (int j = 2; j < DIM; j++) {
      x[j] = (float) (0.5 * rnd.nextGaussian());
    }
    return x;
  }

  /**
   * Circle data.
   *
   * @param perCluster examples per cluster
   * @param classesModulo the label is the cluster modulo this
   * @param seed the seed
   * @return the labelled examples
   */
  static Dataset<float[]> circle(String name, int perCluster, int classesModulo, long seed) {
    Random rnd = new Random(seed);
    List<float[]> x = new ArrayList<>();
    int[] y = new int[perCluster * CLUSTERS];
    for (int i = 0; i < y.length; i++) {
      int cluster = i % CLUSTERS;
      x.add(circlePoint(cluster, rnd));
      y[i] = cluster % classesModulo;
    }
    return data(name, x, y, names(classesModulo));
  }
}
