package dev.graft.engine.strategy;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * CORAL (Sun, Feng and Saenko, "Return of Frustratingly Easy Domain Adaptation", AAAI 2016): source
 * features are whitened with their own covariance and re-coloured with the target's, both
 * regularised with {@code lambda * I}: {@code x' = (x - mu_s) C_s^{-1/2} C_t^{1/2} + mu_t}. The
 * means are aligned too (the paper's experiments standardise the features first, which amounts to
 * the same). Stateless.
 */
final class CoralAlignment {

  private CoralAlignment() {}

  /**
   * Aligns source rows to the target's second-order statistics.
   *
   * @param source source feature rows
   * @param target target feature rows (same width)
   * @param lambda the regulariser added to both covariances' diagonals, positive
   * @return the aligned source rows
   */
  static FeatureRows align(FeatureRows source, FeatureRows target, double lambda) {
    int d = source.dim();
    double[] xs = source.toDoubles();
    double[] xt = target.toDoubles();
    double[] muS = mean(xs, source.rows(), d);
    double[] muT = mean(xt, target.rows(), d);
    DMatrixRMaj whiten = power(covariance(xs, source.rows(), d, muS, lambda), -0.5);
    DMatrixRMaj colour = power(covariance(xt, target.rows(), d, muT, lambda), 0.5);
    DMatrixRMaj map = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(whiten, colour, map);
    DMatrixRMaj centred = new DMatrixRMaj(source.rows(), d);
    for (int i = 0; i < source.rows(); i++) {
      for (int j = 0; j < d; j++) {
        centred.unsafe_set(i, j, xs[i * d + j] - muS[j]);
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(source.rows(), d);
    CommonOps_DDRM.mult(centred, map, out);
    double[] aligned = out.getData();
    for (int i = 0; i < source.rows(); i++) {
      for (int j = 0; j < d; j++) {
        aligned[i * d + j] += muT[j];
      }
    }
    return FeatureRows.ofDoubles(aligned, source.rows(), d);
  }

  static double[] mean(double[] x, int n, int d) {
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mu[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mu[j] /= n;
    }
    return mu;
  }

  /** The sample covariance (n - 1 denominator, or n for one row) plus {@code lambda * I}. */
  static DMatrixRMaj covariance(double[] x, int n, int d, double[] mu, double lambda) {
    DMatrixRMaj c = new DMatrixRMaj(d, d);
    double denominator = Math.max(1, n - 1);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double da = x[i * d + a] - mu[a];
        for (int b = a; b < d; b++) {
          c.unsafe_set(a, b, c.unsafe_get(a, b) + da * (x[i * d + b] - mu[b]));
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        double v = c.unsafe_get(a, b) / denominator;
        c.unsafe_set(a, b, v);
        c.unsafe_set(b, a, v);
      }
      c.unsafe_set(a, a, c.unsafe_get(a, a) + lambda);
    }
    return c;
  }

  /** {@code m^p} for a symmetric positive-definite matrix, by eigendecomposition. */
  static DMatrixRMaj power(DMatrixRMaj m, double p) {
    int d = m.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(m.copy())) {
      throw new GraftException(
          GraftErrors.INTERNAL,
          "the eigendecomposition of a "
              + d
              + "x"
              + d
              + " feature covariance did not converge;"
              + " raise the coral 'lambda' option.");
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int k = 0; k < d; k++) {
      double value = Math.max(eig.getEigenvalue(k).getReal(), 1e-12);
      DMatrixRMaj v = eig.getEigenVector(k);
      double scale = Math.pow(value, p);
      for (int a = 0; a < d; a++) {
        double va = v.get(a, 0) * scale;
        for (int b = 0; b < d; b++) {
          out.unsafe_set(a, b, out.unsafe_get(a, b) + va * v.get(b, 0));
        }
      }
    }
    return out;
  }
}
