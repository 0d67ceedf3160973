package dev.graft.engine.estimate.internal;

/**
 * H-score (Bao et al., ICIP 2019) {@code tr(cov(f)⁺ cov(E[f|y]))} and its Ledoit-Wolf shrinkage
 * variant (Ibrahim et al., "Newer is not always better", ICLR 2023) {@code tr(cov_ρ(f)⁺ (1-ρ)
 * cov(E[f|y]))}.
 *
 * <p>Both covariances are taken as the reference code does ({@code np.cov}, {@code n-1} divisor,
 * and for the shrinkage variant scikit-learn's {@code LedoitWolf} with its {@code n} divisor). The
 * pseudo-inverse keeps eigenvalues above {@code 1e-15} times the largest, like {@code
 * np.linalg.pinv(rcond=1e-15)}. Work happens in whichever of the {@code d x d} or {@code n x n}
 * Gram spaces is smaller; the between-class covariance lies in the span of the centred rows, so the
 * trace is the same.
 */
public final class HScoreSolver {

  private static final double RCOND = 1e-15;

  private HScoreSolver() {}

  /**
   * The score and the shrinkage used.
   *
   * @param score the H-score
   * @param shrinkage Ledoit-Wolf shrinkage ρ (0 for the plain H-score)
   * @param rank eigenvalues kept by the pseudo-inverse
   */
  public record Result(double score, double shrinkage, int rank) {}

  /**
   * Computes the (optionally shrunk) H-score.
   *
   * @param f features, row-major {@code n x d}
   * @param n examples
   * @param d dimension
   * @param labels class of each example
   * @param shrink whether to use the Ledoit-Wolf covariance
   * @return the result
   */
  public static Result solve(double[] f, int n, int d, int[] labels, boolean shrink) {
    double[] mean = Stats.columnMeans(f, n, d);
    int c = 0;
    for (int v : labels) {
      c = Math.max(c, v + 1);
    }
    int[] counts = new int[c];
    for (int v : labels) {
      counts[v]++;
    }
    boolean tall = n > d;
    int k = tall ? d : n;
    double[] gram;
    double[] b;
    if (tall) {
      gram = Gram.inner(RowSource.of(f, d, null, mean));
      // columns sqrt(n_c) * (class mean - mean) = (1/sqrt(n_c)) * sum of centred rows of class c
      double[][] sums = new double[c][d];
      for (int i = 0; i < n; i++) {
        double[] s = sums[labels[i]];
        int off = i * d;
        for (int j = 0; j < d; j++) {
          s[j] += f[off + j] - mean[j];
        }
      }
      b = new double[d * c];
      for (int cl = 0; cl < c; cl++) {
        if (counts[cl] == 0) {
          continue;
        }
        double scale = 1.0 / Math.sqrt(counts[cl]);
        for (int j = 0; j < d; j++) {
          b[j * c + cl] = sums[cl][j] * scale;
        }
      }
    } else {
      gram = Gram.inner(RowSource.transposed(f, d, null, mean));
      b = new double[n * c];
      for (int i = 0; i < n; i++) {
        b[i * c + labels[i]] = 1.0 / Math.sqrt(counts[labels[i]]);
      }
    }
    double traceGram = 0;
    for (int i = 0; i < k; i++) {
      traceGram += gram[i * k + i];
    }
    EigenProjection eig = EigenProjection.of(gram, k, b, c);
    double[] lambda = eig.eigenvalues();
    double[] p = eig.projection();

    double shrinkage = 0;
    double mu = traceGram / n / d;
    if (shrink) {
      shrinkage = ledoitWolfShrinkage(f, n, d, mean, lambda, mu);
    }
    double maxAbs = 0;
    for (double l : lambda) {
      maxAbs = Math.max(maxAbs, Math.abs(l));
    }
    double score = 0;
    int rank = 0;
    for (int i = 0; i < k; i++) {
      double between = 0;
      for (int cl = 0; cl < c; cl++) {
        double v = p[i * c + cl];
        between += v * v;
      }
      // between = n_c-weighted squared projection; in the n x n space it is scaled by λ_i
      double projected = tall ? between : between * lambda[i];
      if (!shrink) {
        if (Math.abs(lambda[i]) <= RCOND * maxAbs) {
          continue;
        }
        rank++;
        score += projected / lambda[i];
      } else {
        double cov = (1 - shrinkage) * lambda[i] / n + shrinkage * mu;
        double covMax = (1 - shrinkage) * maxAbs / n + shrinkage * mu;
        if (Math.abs(cov) <= RCOND * covMax) {
          continue;
        }
        rank++;
        score += (1 - shrinkage) * projected / (n - 1) / cov;
      }
    }
    return new Result(score, shrinkage, rank);
  }

  /**
   * scikit-learn's Ledoit-Wolf shrinkage for centred data {@code X}: with {@code S = XᵀX/n} and
   * {@code μ = tr(S)/d}, {@code δ = ‖S - μI‖²_F / d}, {@code β = min(δ, (Σ_i ‖x_i‖⁴/n - ‖S‖²_F) /
   * (d n))} and {@code ρ = β/δ}.
   */
  private static double ledoitWolfShrinkage(
      double[] f, int n, int d, double[] mean, double[] lambda, double mu) {
    if (d == 1 || n == 1) {
      return 0;
    }
    double sumFourth = 0;
    for (int i = 0; i < n; i++) {
      double sq = 0;
      int off = i * d;
      for (int j = 0; j < d; j++) {
        double v = f[off + j] - mean[j];
        sq += v * v;
      }
      sumFourth += sq * sq;
    }
    double frob = 0;
    for (double l : lambda) {
      frob += (l / n) * (l / n);
    }
    double traceS = mu * d;
    double beta = (sumFourth / n - frob) / ((double) d * n);
    double delta = (frob - 2 * mu * traceS + d * mu * mu) / d;
    beta = Math.min(beta, delta);
    return beta == 0 ? 0 : beta / delta;
  }
}
