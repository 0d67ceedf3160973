package dev.graft.engine.estimate.internal;

/** Column statistics of row-major matrices. */
public final class Stats {

  private Stats() {}

  /**
   * Mean of each column.
   *
   * @param f row-major {@code n x d}
   * @param n rows
   * @param d columns
   * @return the {@code d} means
   */
  public static double[] columnMeans(double[] f, int n, int d) {
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      int off = i * d;
      for (int j = 0; j < d; j++) {
        mean[j] += f[off + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    return mean;
  }
}
