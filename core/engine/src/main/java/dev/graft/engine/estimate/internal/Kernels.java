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
    int rowBlock = 128;
    int colBlock = 512;
    int rowBlocks = (q + rowBlock - 1) / rowBlock;
    int colBlocks = (m + colBlock - 1) / colBlock;
    // tiles of (rows of A) x (columns of B): four rows of B's column tile are reused by every row
    // of A's block while the output tile stays in cache
    Parallel.forEach(
        rowBlocks * colBlocks,
        workers,
        tile -> {
          int i0 = (tile / colBlocks) * rowBlock;
          int i1 = Math.min(q, i0 + rowBlock);
          int j0 = (tile % colBlocks) * colBlock;
          int j1 = Math.min(m, j0 + colBlock);
          int t = 0;
          for (; t + 3 < k; t += 4) {
            double[] b0 = b[t];
            double[] b1 = b[t + 1];
            double[] b2 = b[t + 2];
            double[] b3 = b[t + 3];
            for (int i = i0; i < i1; i++) {
              double[] ai = a[i];
              axpy4(out[i], ai[t], b0, ai[t + 1], b1, ai[t + 2], b2, ai[t + 3], b3, j0, j1);
            }
          }
          for (; t < k; t++) {
            for (int i = i0; i < i1; i++) {
              axpy(out[i], a[i][t], b[t], j0, j1);
            }
          }
        });
    return out;
  }
}
