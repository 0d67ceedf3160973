package dev.graft.engine.estimate.internal;

/**
 * Inner loops shaped for HotSpot's auto-vectoriser: every array is indexed by the loop variable
 * alone, so C2 emits SIMD multiply-adds.
 */
public final class Kernels {

  private Kernels() {}

  /**
   * {@code out[k] += a0*x0[k] + a1*x1[k] + a2*x2[k] + a3*x3[k]} for {@code k in [from, to)}.
   *
   * @param out accumulated row
   * @param a0 first coefficient
   * @param x0 first row
   * @param a1 second coefficient
   * @param x1 second row
   * @param a2 third coefficient
   * @param x2 third row
   * @param a3 fourth coefficient
   * @param x3 fourth row
   * @param from first index
   * @param to end index (exclusive)
   */
  public static void axpy4(
      double[] out,
      double a0,
      double[] x0,
      double a1,
      double[] x1,
      double a2,
      double[] x2,
      double a3,
      double[] x3,
      int from,
      int to) {
    for (int k = from; k < to; k++) {
      out[k] += a0 * x0[k] + a1 * x1[k] + a2 * x2[k] + a3 * x3[k];
    }
  }

  /**
   * {@code out[k] += a*x[k]} for {@code k in [from, to)}.
   *
   * @param out accumulated row
   * @param a coefficient
   * @param x row
   * @param from first index
   * @param to end index (exclusive)
   */
  public static void axpy(double[] out, double a, double[] x, int from, int to) {
    for (int k = from; k < to; k++) {
      out[k] += a * x[k];
    }
  }

  /**
   * Row-major product {@code A B} where {@code A} is {@code q x k} and {@code B} is given as its
   * {@code k} rows of length {@code m}. Multi-threaded over rows of {@code A} for large products.
   *
   * @param a rows of {@code A}
   * @param b rows of {@code B}
   * @param threads maximum worker threads
   * @return {@code q} rows of length {@code m}
   */
  public static double[][] multiply(double[][] a, double[][] b, int threads) {
    int q = a.length;
    int k = b.length;
    int m = k == 0 ? 0 : b[0].length;
    double[][] out = new double[q][m];
    double work = (double) q * k * m;
    int workers = work < 4e7 ? 1 : threads;
    int block = 64;
    int blocks = (q + block - 1) / block;
    Parallel.forEach(
        blocks,
        workers,
        bi -> {
          int i1 = Math.min(q, (bi + 1) * block);
          for (int i = bi * block; i < i1; i++) {
            double[] ai = a[i];
            double[] oi = out[i];
            int t = 0;
            for (; t + 3 < k; t += 4) {
              axpy4(oi, ai[t], b[t], ai[t + 1], b[t + 1], ai[t + 2], b[t + 2], ai[t + 3], b[t + 3], 0, m);
            }
            for (; t < k; t++) {
              axpy(oi, ai[t], b[t], 0, m);
            }
          }
        });
    return out;
  }
}
