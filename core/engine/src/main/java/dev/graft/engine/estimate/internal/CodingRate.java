package dev.graft.engine.estimate.internal;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The coding rate {@code R(Z, ε) = 1/2 log det(I + ZᵀZ / (m ε))} of {@code m} rows {@code Z},
 * computed by a Cholesky factorisation of whichever of {@code I_d + ZᵀZ/(mε)} or {@code I_m +
 * ZZᵀ/(mε)} is smaller (they have the same determinant).
 */
public final class CodingRate {

  private CodingRate() {}

  /**
   * The coding rate of selected, shifted rows.
   *
   * @param f row-major data with {@code d} columns
   * @param d columns
   * @param rows the rows forming {@code Z}, or null for all
   * @param shift subtracted from every row (e.g. the global mean), or null
   * @param epsilon the distortion ε
   * @return {@code R(Z, ε)} in nats
   */
  public static double of(double[] f, int d, int[] rows, double[] shift, double epsilon) {
    int m = rows == null ? f.length / d : rows.length;
    RowSource source =
        m > d ? RowSource.of(f, d, rows, shift) : RowSource.transposed(f, d, rows, shift);
    int k = Math.min(m, d);
    double[] gram = Gram.inner(source);
    double scale = 1.0 / (m * epsilon);
    for (int i = 0; i < gram.length; i++) {
      gram[i] *= scale;
    }
    for (int i = 0; i < k; i++) {
      gram[i * k + i] += 1.0;
    }
    DMatrixRMaj a = DMatrixRMaj.wrap(k, k, gram);
    CholeskyDecomposition_F64<DMatrixRMaj> chol =
        k >= 256
            ? DecompositionFactory_MT_DDRM.chol(k, true)
            : DecompositionFactory_DDRM.chol(k, true);
    if (!chol.decompose(a)) {
      throw new GraftException(
          GraftErrors.INTERNAL,
          "the coding-rate matrix ("
              + k
              + " x "
              + k
              + ") is not positive definite;"
              + " check the features for extreme values and rescale them.");
    }
    DMatrixRMaj l = chol.getT(null);
    double logDet = 0;
    for (int i = 0; i < k; i++) {
      logDet += Math.log(l.get(i, i));
    }
    return logDet;
  }
}
