package dev.graft.engine.estimate.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Gram matrix {@code XᵀX} of a tall matrix {@code X} ({@code n x d}), computed in double
 * precision by a cache-blocked kernel on all cores.
 *
 * <p>Only the upper triangle is computed (half the flops) and mirrored. Rows are copied in chunks
 * into per-thread buffers, so the input is streamed once per thread and never duplicated in full.
 * The inner loop is written so that HotSpot's C2 compiler vectorises it (one output row segment,
 * four input rows, all indexed by the same loop variable).
 */
public final class Gram {

  private static final int CHUNK_ROWS = 256;
  private static final int BLOCK_J = 32;
  private static final int BLOCK_K = 512;
  private static final double SERIAL_WORK = 4e7;

  private Gram() {}

  /**
   * Computes {@code XᵀX} for the rows of {@code x}.
   *
   * @param x the rows of {@code X}
   * @return the symmetric {@code d x d} result, row-major
   */
  public static double[] inner(RowSource x) {
    return inner(x, Parallel.threads());
  }

  /**
   * Computes {@code XᵀX} with at most {@code threads} threads.
   *
   * @param x the rows of {@code X}
   * @param threads maximum worker threads
   * @return the symmetric {@code d x d} result, row-major
   */
  public static double[] inner(RowSource x, int threads) {
    double[][] g = innerRows(x, threads);
    int d = g.length;
    double[] out = new double[d * d];
    for (int j = 0; j < d; j++) {
      System.arraycopy(g[j], 0, out, j * d, d);
    }
    return out;
  }

  /**
   * Computes {@code XᵀX} as full symmetric rows (no flattening copy).
   *
   * @param x the rows of {@code X}
   * @param threads maximum worker threads
   * @return {@code d} rows of length {@code d}
   */
  public static double[][] innerRows(RowSource x, int threads) {
    int n = x.rows();
    int d = x.cols();
    double[][] g = new double[d][d];
    double work = (double) n * d * d / 2;
    int workers = work < SERIAL_WORK ? 1 : Math.max(1, threads);
    List<List<int[]>> plan = plan(d, workers);
    Parallel.forEach(plan.size(), workers, t -> accumulate(x, plan.get(t), g));
    for (int j = 0; j < d; j++) {
      for (int k = j + 1; k < d; k++) {
        g[k][j] = g[j][k];
      }
    }
    return g;
  }

  /** Splits the upper-triangle blocks among workers, balancing the multiply-adds. */
  private static List<List<int[]>> plan(int d, int workers) {
    List<int[]> tasks = new ArrayList<>();
    for (int j0 = 0; j0 < d; j0 += BLOCK_J) {
      for (int k0 = (j0 / BLOCK_K) * BLOCK_K; k0 < d; k0 += BLOCK_K) {
        int j1 = Math.min(d, j0 + BLOCK_J);
        int k1 = Math.min(d, k0 + BLOCK_K);
        long cost = 0;
        for (int j = j0; j < j1; j++) {
          cost += Math.max(0, k1 - Math.max(k0, j));
        }
        tasks.add(new int[] {j0, j1, k0, k1, (int) cost});
      }
    }
    tasks.sort(Comparator.comparingInt((int[] t) -> t[4]).reversed());
    List<List<int[]>> plan = new ArrayList<>();
    long[] load = new long[workers];
    for (int w = 0; w < workers; w++) {
      plan.add(new ArrayList<>());
    }
    for (int[] task : tasks) {
      int best = 0;
      for (int w = 1; w < workers; w++) {
        if (load[w] < load[best]) {
          best = w;
        }
      }
      plan.get(best).add(task);
      load[best] += task[4];
    }
    plan.removeIf(List::isEmpty);
    return plan;
  }

  /** One worker: streams all rows in chunks and updates its own output blocks. */
  private static void accumulate(RowSource x, List<int[]> tasks, double[][] g) {
    int n = x.rows();
    int d = x.cols();
    int chunk = Math.min(CHUNK_ROWS, n);
    double[][] rows = new double[chunk][d];
    for (int r0 = 0; r0 < n; r0 += chunk) {
      int count = Math.min(chunk, n - r0);
      for (int i = 0; i < count; i++) {
        x.copyRow(r0 + i, rows[i]);
      }
      for (int[] t : tasks) {
        block(rows, count, g, t[0], t[1], t[2], t[3]);
      }
    }
  }

  /**
   * {@code g[j][k] += sum_i rows[i][j] * rows[i][k]} for {@code j in [j0,j1), k in [max(k0,j),k1)}.
   */
  private static void block(
      double[][] rows, int count, double[][] g, int j0, int j1, int k0, int k1) {
    for (int j = j0; j < j1; j++) {
      int from = Math.max(k0, j);
      if (from >= k1) {
        continue;
      }
      double[] gj = g[j];
      int i = 0;
      for (; i + 3 < count; i += 4) {
        double[] r0 = rows[i];
        double[] r1 = rows[i + 1];
        double[] r2 = rows[i + 2];
        double[] r3 = rows[i + 3];
        Kernels.axpy4(gj, r0[j], r0, r1[j], r1, r2[j], r2, r3[j], r3, from, k1);
      }
      for (; i < count; i++) {
        double[] r0 = rows[i];
        Kernels.axpy(gj, r0[j], r0, from, k1);
      }
    }
  }
}
