package dev.graft.engine.estimate.internal;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Householder reduction of a symmetric matrix to tridiagonal form, {@code A = Q T Qᵀ}, keeping the
 * reflectors so that {@code QᵀB} can be applied to a thin matrix without forming {@code Q}.
 *
 * <p>This is the textbook algorithm (Golub & Van Loan, Algorithm 8.3.1; LAPACK's {@code dsytd2}
 * conventions for the reflectors), organised for the JVM: the matrix is held as full symmetric
 * rows, each step's rank-2 update of a row is fused with the next step's matrix-vector product on
 * that row (one pass over the trailing matrix per step instead of three), all row operations are
 * vectorisable {@code axpy}s, and rows are split across cores. EJML's row-major reduction reads the
 * matrix column-wise, which on a 2048 x 2048 Gram matrix is memory bound and several times slower;
 * the eigenvalue iteration that follows stays EJML's.
 */
final class Tridiagonalizer {

  private static final int PARALLEL_MIN_ORDER = 384;

  private final int n;
  private final double[] diag;
  private final double[] off;
  private final double[][] reflectors;
  private final double[] taus;

  private Tridiagonalizer(int n) {
    this.n = n;
    this.diag = new double[n];
    this.off = new double[Math.max(0, n - 1)];
    this.reflectors = new double[Math.max(0, n - 2)][];
    this.taus = new double[Math.max(0, n - 2)];
  }

  /**
   * Reduces {@code a} (destroyed).
   *
   * @param a the symmetric matrix as full rows, {@code n x n}
   * @return the reduction
   */
  static Tridiagonalizer reduce(double[][] a) {
    int n = a.length;
    Tridiagonalizer t = new Tridiagonalizer(n);
    int threads = n >= PARALLEL_MIN_ORDER ? Parallel.threads() : 1;
    ExecutorService pool =
        threads > 1 ? Executors.newFixedThreadPool(threads, Tridiagonalizer::daemon) : null;
    try {
      t.run(a, pool, threads);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return t;
  }

  private static Thread daemon(Runnable r) {
    Thread th = new Thread(r, "graft-tridiagonal");
    th.setDaemon(true);
    return th;
  }

  /** The diagonal of {@code T}. */
  double[] diagonal() {
    return diag;
  }

  /** The off-diagonal of {@code T}. */
  double[] offDiagonal() {
    return off;
  }

  private void run(double[][] a, ExecutorService pool, int threads) {
    if (n == 1) {
      diag[0] = a[0][0];
      return;
    }
    // p = τ T v for the step being prepared; computed fused with the previous update
    double[] v = null;
    double tau = 0;
    double[] p = null;
    // step 0 has no previous update: prepare its reflector and product directly
    if (n > 2) {
      v = reflector(a[0], 0);
      tau = taus[0];
      p = tau == 0 ? null : product(a, 1, v, tau, null, null, 0, pool, threads);
    }
    for (int k = 0; k < n - 2; k++) {
      diag[k] = a[k][k];
      double[] w = null;
      if (tau != 0) {
        // w = p - (τ/2)(pᵀv) v
        double pv = 0;
        for (int i = 0; i < v.length; i++) {
          pv += p[i] * v[i];
        }
        double half = 0.5 * tau * pv;
        w = p;
        for (int i = 0; i < v.length; i++) {
          w[i] -= half * v[i];
        }
        // the first trailing row is updated alone: it defines the next reflector
        updateRow(a[k + 1], k + 1, v[0], w[0], v, w);
      }
      // off-diagonal element: β of this reflector, held in row k after reflector()
      off[k] = a[k][k + 1];
      if (k + 1 < n - 2) {
        double[] nextV = reflector(a[k + 1], k + 1);
        double nextTau = taus[k + 1];
        // update the remaining trailing rows with step k, fused with the next step's product
        p = product(a, k + 2, nextV, nextTau, tau == 0 ? null : v, w, k + 1, pool, threads);
        v = nextV;
        tau = nextTau;
        if (tau == 0) {
          p = null;
        }
      } else if (tau != 0) {
        for (int i = k + 2; i < n; i++) {
          updateRow(a[i], k + 1, v[i - (k + 1)], w[i - (k + 1)], v, w);
        }
      }
    }
    diag[n - 2] = a[n - 2][n - 2];
    diag[n - 1] = a[n - 1][n - 1];
    off[n - 2] = a[n - 2][n - 1];
  }

  /**
   * Builds the reflector annihilating {@code row[k+2..]} (LAPACK dlarfg): stores {@code v} (with
   * {@code v[0] = 1}) and τ, and writes β into {@code row[k+1]}.
   */
  private double[] reflector(double[] row, int k) {
    int m = n - k - 1;
    double alpha = row[k + 1];
    double sigma = 0;
    for (int i = k + 2; i < n; i++) {
      sigma += row[i] * row[i];
    }
    double[] v = new double[m];
    v[0] = 1;
    reflectors[k] = v;
    if (sigma == 0) {
      taus[k] = 0;
      return v;
    }
    double norm = Math.sqrt(alpha * alpha + sigma);
    double beta = alpha <= 0 ? norm : -norm;
    double scale = 1.0 / (alpha - beta);
    for (int i = 1; i < m; i++) {
      v[i] = row[k + 1 + i] * scale;
    }
    taus[k] = (beta - alpha) / beta;
    row[k + 1] = beta;
    return v;
  }

  /** {@code row[from..] -= vi * w + wi * v} (the symmetric rank-2 update of one row). */
  private static void updateRow(
      double[] row, int from, double vi, double wi, double[] v, double[] w) {
    int m = v.length;
    for (int j = 0; j < m; j++) {
      row[from + j] -= vi * w[j] + wi * v[j];
    }
  }

  /**
   * For rows {@code i >= first}: apply the previous step's update ({@code prevV}, {@code prevW},
   * trailing block starting at {@code prevFrom}) if any, then accumulate {@code τ T v} over the
   * trailing block starting at column {@code first} for the reflector {@code v}.
   */
  private double[] product(
      double[][] a,
      int first,
      double[] v,
      double tau,
      double[] prevV,
      double[] prevW,
      int prevFrom,
      ExecutorService pool,
      int threads) {
    int rows = n - first;
    int parts = pool == null || rows < 64 ? 1 : threads;
    double[][] partial = new double[parts][];
    if (parts == 1) {
      partial[0] = productRange(a, first, n, first, v, tau, prevV, prevW, prevFrom);
    } else {
      List<Future<double[]>> futures = new ArrayList<>(parts);
      // equal rows per part: every row has the same length in full storage
      for (int q = 0; q < parts; q++) {
        int r0 = first + (int) ((long) rows * q / parts);
        int r1 = first + (int) ((long) rows * (q + 1) / parts);
        futures.add(
            pool.submit(() -> productRange(a, r0, r1, first, v, tau, prevV, prevW, prevFrom)));
      }
      try {
        for (int q = 0; q < parts; q++) {
          partial[q] = futures.get(q).get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GraftException(GraftErrors.INTERNAL, "tridiagonal reduction was interrupted.", e);
      } catch (ExecutionException e) {
        throw new GraftException(
            GraftErrors.INTERNAL, "tridiagonal reduction failed: " + e.getCause(), e.getCause());
      }
    }
    double[] p = partial[0];
    for (int q = 1; q < parts; q++) {
      Kernels.axpy(p, 1.0, partial[q], 0, p.length);
    }
    return p;
  }

  private static double[] productRange(
      double[][] a,
      int r0,
      int r1,
      int first,
      double[] v,
      double tau,
      double[] prevV,
      double[] prevW,
      int prevFrom) {
    int m = v.length;
    double[] p = new double[m];
    double[] segment = new double[m];
    for (int i = r0; i < r1; i++) {
      double[] row = a[i];
      if (prevV != null) {
        updateRow(row, prevFrom, prevV[i - prevFrom], prevW[i - prevFrom], prevV, prevW);
      }
      double coefficient = tau * v[i - first];
      if (coefficient != 0) {
        System.arraycopy(row, first, segment, 0, m);
        Kernels.axpy(p, coefficient, segment, 0, m);
      }
    }
    return p;
  }

  /**
   * {@code B ← Qᵀ B = H_{n-3} ⋯ H_0 B}, {@code B} given by rows.
   *
   * @param b the rows of {@code B}, {@code n} of them, modified in place
   */
  void applyQTranspose(double[][] b) {
    int c = b[0].length;
    double[] dots = new double[c];
    for (int k = 0; k < n - 2; k++) {
      double tau = taus[k];
      if (tau == 0) {
        continue;
      }
      double[] v = reflectors[k];
      java.util.Arrays.fill(dots, 0);
      for (int i = 0; i < v.length; i++) {
        Kernels.axpy(dots, v[i], b[k + 1 + i], 0, c);
      }
      for (int j = 0; j < c; j++) {
        dots[j] *= tau;
      }
      for (int i = 0; i < v.length; i++) {
        Kernels.axpy(b[k + 1 + i], -v[i], dots, 0, c);
      }
    }
  }
}
