package dev.graft.engine.strategy;

import dev.graft.api.data.FeatureMatrix;

/**
 * Feature rows in float32, as the head networks take them.
 *
 * @param values row-major values
 * @param rows number of rows
 * @param dim values per row
 */
record FeatureRows(float[] values, int rows, int dim) {

  static FeatureRows of(FeatureMatrix m) {
    double[] d = m.data();
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return new FeatureRows(f, m.rows(), m.cols());
  }

  static FeatureRows ofDoubles(double[] values, int rows, int dim) {
    float[] f = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      f[i] = (float) values[i];
    }
    return new FeatureRows(f, rows, dim);
  }

  /** The rows of {@code a} followed by those of {@code b} (same width). */
  static FeatureRows concat(FeatureRows a, FeatureRows b) {
    float[] out = new float[a.values.length + b.values.length];
    System.arraycopy(a.values, 0, out, 0, a.values.length);
    System.arraycopy(b.values, 0, out, a.values.length, b.values.length);
    return new FeatureRows(out, a.rows + b.rows, a.dim);
  }

  FeatureRows select(int[] indices) {
    float[] out = new float[indices.length * dim];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * dim, out, i * dim, dim);
    }
    return new FeatureRows(out, indices.length, dim);
  }

  double[] toDoubles() {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  static int[] concat(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
