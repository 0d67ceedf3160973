package dev.graft.engine.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Kernel mean matching (Huang, Smola, Gretton, Borgwardt and Schölkopf, "Correcting Sample
 * Selection Bias by Unlabeled Data", NIPS 2006/2007): weights {@code beta} for the source examples
 * such that the weighted source mean matches the target mean in the RBF kernel's feature space,
 *
 * <pre>
 *   minimise  1/2 beta' K beta - kappa' beta
 *   subject to 0 &lt;= beta_i &lt;= B,  |sum_i beta_i - n_s| &lt;= n_s * epsilon,
 * </pre>
 *
 * with {@code K_ij = k(s_i, s_j)} and {@code kappa_i = (n_s / n_t) sum_j k(s_i, t_j)}. Solved by
 * accelerated projected gradient (FISTA) with step {@code 1 / lambda_max(K)}; the projection onto
 * the box-and-slab set finds the shift {@code tau} of {@code clip(v - tau, 0, B)} by bisection.
 * Deterministic.
 */
final class KernelMeanMatching {

  /** The most solver iterations. */
  static final int MAX_ITERATIONS = 2000;

  private KernelMeanMatching() {}

  /**
   * The solution and how the solver ended.
   *
   * @param weights one weight per source row
   * @param gamma the RBF width used
   * @param iterations solver iterations
   */
  record Result(double[] weights, double gamma, int iterations) {}

  /**
   * The median heuristic: {@code 1 / median squared distance} between rows of both sets (on a
   * seeded sample of at most 400 rows).
   */
  static double medianGamma(FeatureRows source, FeatureRows target) {
    FeatureRows all = FeatureRows.concat(source, target);
    int n = all.rows();
    int[] sample = new int[Math.min(n, 400)];
    SplittableRandom rnd = new SplittableRandom(17);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < sample.length; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      sample[i] = order[i];
    }
    double[] d = new double[sample.length * (sample.length - 1) / 2];
    int k = 0;
    for (int a = 0; a < sample.length; a++) {
      for (int b = a + 1; b < sample.length; b++) {
        d[k++] = squaredDistance(all, sample[a], all, sample[b]);
      }
    }
    if (d.length == 0) {
      return 1.0;
    }
    Arrays.sort(d);
    double median = d[d.length / 2];
    return median > 0 ? 1.0 / median : 1.0;
  }

  static double squaredDistance(FeatureRows a, int i, FeatureRows b, int j) {
    float[] x = a.values();
    float[] y = b.values();
    int dim = a.dim();
    double s = 0;
    for (int c = 0; c < dim; c++) {
      double diff = (double) x[i * dim + c] - y[j * dim + c];
      s += diff * diff;
    }
    return s;
  }

  static Result solve(
      FeatureRows source, FeatureRows target, double gamma, double bound, double epsilon) {
    int ns = source.rows();
    int nt = target.rows();
    double[] kernel = new double[ns * ns];
    for (int i = 0; i < ns; i++) {
      kernel[i * ns + i] = 1;
      for (int j = i + 1; j < ns; j++) {
        double v = Math.exp(-gamma * squaredDistance(source, i, source, j));
        kernel[i * ns + j] = v;
        kernel[j * ns + i] = v;
      }
    }
    double[] kappa = new double[ns];
    for (int i = 0; i < ns; i++) {
      double s = 0;
      for (int j = 0; j < nt; j++) {
        s += Math.exp(-gamma * squaredDistance(source, i, target, j));
      }
      kappa[i] = s * ns / nt;
    }
    double lower = Math.max(0, ns * (1 - epsilon));
    double upper = Math.min(ns * bound, ns * (1 + epsilon));
    double step = 1 / largestEigenvalue(kernel, ns);
    double[] beta = project(fill(ns, 1.0), bound, lower, upper);
    double[] y = beta.clone();
    double t = 1;
    int iteration = 0;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      double[] gradient = multiply(kernel, y, ns);
      double[] v = new double[ns];
      for (int i = 0; i < ns; i++) {
        v[i] = y[i] - step * (gradient[i] - kappa[i]);
      }
      double[] next = project(v, bound, lower, upper);
      double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      double change = 0;
      double norm = 0;
      for (int i = 0; i < ns; i++) {
        double d = next[i] - beta[i];
        y[i] = next[i] + (t - 1) / tNext * d;
        change += d * d;
        norm += next[i] * next[i];
      }
      beta = next;
      t = tNext;
      if (change <= 1e-14 * Math.max(1, norm)) {
        break;
      }
    }
    return new Result(beta, gamma, iteration);
  }

  private static double[] fill(int n, double v) {
    double[] out = new double[n];
    Arrays.fill(out, v);
    return out;
  }

  static double[] multiply(double[] m, double[] x, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += m[i * n + j] * x[j];
      }
      out[i] = s;
    }
    return out;
  }

  /** Power iteration (a seeded start vector, 100 steps), at least 1e-12. */
  static double largestEigenvalue(double[] m, int n) {
    double[] x = new double[n];
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      x[i] = 0.5 + rnd.nextDouble();
    }
    double lambda = 1;
    for (int it = 0; it < 100; it++) {
      double[] y = multiply(m, x, n);
      double norm = 0;
      for (double v : y) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        return 1e-12;
      }
      for (int i = 0; i < n; i++) {
        x[i] = y[i] / norm;
      }
      lambda = norm;
    }
    // the Rayleigh quotient of a unit vector bounds lambda_max from below; pad for a safe step
    return Math.max(lambda * 1.01, 1e-12);
  }

  /** Euclidean projection onto {0 <= b <= bound, lower <= sum(b) <= upper}. */
  static double[] project(double[] v, double bound, double lower, double upper) {
    double sum = clippedSum(v, 0, bound);
    double target;
    if (sum < lower) {
      target = lower;
    } else if (sum > upper) {
      target = upper;
    } else {
      return clip(v, 0, bound);
    }
    double lo = -bound;
    double hi = bound;
    for (double x : v) {
      lo = Math.min(lo, x - bound);
      hi = Math.max(hi, x);
    }
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      if (clippedSum(v, mid, bound) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return clip(v, (lo + hi) / 2, bound);
  }

  private static double clippedSum(double[] v, double tau, double bound) {
    double s = 0;
    for (double x : v) {
      s += Math.min(bound, Math.max(0, x - tau));
    }
    return s;
  }

  private static double[] clip(double[] v, double tau, double bound) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.min(bound, Math.max(0, v[i] - tau));
    }
    return out;
  }
}
