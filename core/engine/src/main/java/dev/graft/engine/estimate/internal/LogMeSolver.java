package dev.graft.engine.estimate.internal;

/**
 * LogME's maximum evidence (You et al., ICML 2021) with the fixed-point solver of "Ranking and
 * Tuning Pre-trained Models" (JMLR 2022).
 *
 * <p>For features {@code F} ({@code n x d}) and each target column {@code y}: one spectral
 * decomposition of the Gram matrix ({@code FᵀF} when {@code n > d}, else {@code FFᵀ}) gives the
 * squared singular values {@code σ} and the projections {@code x = Uᵀy}; then, from {@code α = β =
 * 1}, at most 11 fixed-point updates
 *
 * <pre>
 *   t = α/β,  γ = Σ σ/(σ+t),  m² = Σ σ x²/(t+σ)²,  r² = Σ x²/(1+σ/t)² + (‖y‖² - Σ x²)
 *   α = γ/(m² + 1e-5),  β = (n - γ)/(r² + 1e-5)
 * </pre>
 *
 * stopping once {@code |α/β - t|/t <= 1e-3}; the evidence per example is {@code [d/2 log α + n/2
 * log β - 1/2 Σ log(α + βσ) - β/2 r² - α/2 m² - n/2 log 2π] / n}. The score is its mean over target
 * columns. When {@code n > d}, singular values {@code <= 1e-10} are dropped as in the authors'
 * truncated SVD.
 */
public final class LogMeSolver {

  /** Most fixed-point iterations per target column. */
  public static final int MAX_ITERATIONS = 11;

  /** Relative change of {@code α/β} below which the iteration stops. */
  public static final double TOLERANCE = 1e-3;

  private static final double EPSILON = 1e-5;
  private static final double SINGULAR_CUTOFF = 1e-10;
  private static final double NOISE_FACTOR = 4;

  private LogMeSolver() {}

  /**
   * The per-column results and their mean.
   *
   * @param evidence mean evidence per example over target columns
   * @param evidences evidence per column
   * @param alphas converged α per column
   * @param betas converged β per column
   * @param iterations iterations used per column
   * @param rank number of singular values used
   */
  public record Result(
      double evidence,
      double[] evidences,
      double[] alphas,
      double[] betas,
      int[] iterations,
      int rank) {}

  /**
   * Solves LogME.
   *
   * @param f features, row-major {@code n x d}, finite
   * @param n examples
   * @param d feature dimension
   * @param y targets, row-major {@code n x c} (one-hot columns for classification)
   * @param c number of target columns
   * @return the evidence and per-column diagnostics
   */
  public static Result solve(double[] f, int n, int d, double[] y, int c) {
    double[] ySq = new double[c];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        double v = y[i * c + j];
        ySq[j] += v * v;
      }
    }
    boolean tall = n > d;
    int k = tall ? d : n;
    double[] gram;
    double[] b;
    if (tall) {
      gram = Gram.inner(RowSource.of(f, d));
      b = transposeProduct(f, n, d, y, c);
    } else {
      gram = Gram.inner(RowSource.transposed(f, d, null, null));
      b = y.clone();
    }
    EigenProjection eig = EigenProjection.of(gram, k, b, c);
    double[] lambda = eig.eigenvalues();
    double[] p = eig.projection();

    double maxLambda = 0;
    for (double l : lambda) {
      maxLambda = Math.max(maxLambda, Math.abs(l));
    }
    double noise = NOISE_FACTOR * k * Math.ulp(1.0) * maxLambda;
    int kept = 0;
    double[] sigma = new double[k];
    double[] sv = new double[k];
    int[] index = new int[k];
    for (int i = 0; i < k; i++) {
      double s2 = Math.abs(lambda[i]);
      double s = Math.sqrt(s2);
      if (!tall || s > SINGULAR_CUTOFF) {
        // a rounding-level eigenvalue is an exact zero: its direction keeps log(α) in the evidence
        // but carries no signal (x = 0), which is the exact-arithmetic value of the reference
        boolean zero = s2 <= noise;
        sigma[kept] = zero ? 0 : s2;
        sv[kept] = zero ? 0 : s;
        index[kept] = i;
        kept++;
      }
    }

    double[] evidences = new double[c];
    double[] alphas = new double[c];
    double[] betas = new double[c];
    int[] iterations = new int[c];
    double[] x2 = new double[kept];
    double total = 0;
    for (int col = 0; col < c; col++) {
      double sumX2 = 0;
      for (int q = 0; q < kept; q++) {
        double proj = p[index[q] * c + col];
        double x = sv[q] == 0 ? 0 : tall ? proj / sv[q] : proj;
        x2[q] = x * x;
        sumX2 += x2[q];
      }
      double resX2 = ySq[col] - sumX2;
      double alpha = 1.0;
      double beta = 1.0;
      double m2 = 0;
      double res2 = 0;
      int it = 0;
      while (it < MAX_ITERATIONS) {
        it++;
        double t = alpha / beta;
        double gamma = 0;
        m2 = 0;
        res2 = 0;
        for (int q = 0; q < kept; q++) {
          double s = sigma[q];
          gamma += s / (s + t);
          double denom = t + s;
          m2 += s * x2[q] / (denom * denom);
          double shrink = 1 + s / t;
          res2 += x2[q] / (shrink * shrink);
        }
        res2 += resX2;
        alpha = gamma / (m2 + EPSILON);
        beta = (n - gamma) / (res2 + EPSILON);
        double next = alpha / beta;
        if (Math.abs(next - t) / t <= TOLERANCE) {
          break;
        }
      }
      double logDet = 0;
      for (int q = 0; q < kept; q++) {
        logDet += Math.log(alpha + beta * sigma[q]);
      }
      double evidence =
          d / 2.0 * Math.log(alpha)
              + n / 2.0 * Math.log(beta)
              - 0.5 * logDet
              - beta / 2.0 * res2
              - alpha / 2.0 * m2
              - n / 2.0 * Math.log(2 * Math.PI);
      evidences[col] = evidence / n;
      alphas[col] = alpha;
      betas[col] = beta;
      iterations[col] = it;
      total += evidences[col];
    }
    return new Result(total / c, evidences, alphas, betas, iterations, kept);
  }

  /** {@code FᵀY} as a row-major {@code d x c} matrix, skipping zero targets (one-hot rows). */
  private static double[] transposeProduct(double[] f, int n, int d, double[] y, int c) {
    double[][] acc = new double[c][d];
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(f, i * d, row, 0, d);
      for (int j = 0; j < c; j++) {
        double v = y[i * c + j];
        if (v != 0) {
          Kernels.axpy(acc[j], v, row, 0, d);
        }
      }
    }
    double[] out = new double[d * c];
    for (int j = 0; j < c; j++) {
      for (int q = 0; q < d; q++) {
        out[q * c + j] = acc[j][q];
      }
    }
    return out;
  }
}
