package dev.graft.engine.estimate.internal;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQREigenHelper_DDRM;
import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * Eigenvalues {@code λ} of a symmetric matrix {@code G = V Λ Vᵀ} together with the projection
 * {@code P = Vᵀ B} of a thin matrix {@code B}, without forming {@code V}.
 *
 * <p>A Householder tridiagonalisation {@code G = Q T Qᵀ} ({@link Tridiagonalizer}, fused and
 * multi-threaded), then EJML's implicit symmetric QR algorithm on {@code T}. Instead of
 * accumulating the QR rotations into a full {@code k x k} eigenvector matrix (EJML's default,
 * {@code O(k³)} and the bottleneck for {@code k ≈ 2000}), the same rotations are applied to the
 * {@code k x c} matrix {@code QᵀB}, which costs {@code O(k² c)}. The result is exactly what {@code
 * Vᵀ B} would be with EJML's eigenvectors.
 *
 * @param eigenvalues the eigenvalues, in the order of the rows of {@code projection}
 * @param projection {@code Vᵀ B}, row-major {@code k x c}; row {@code i} belongs to eigenvalue
 *     {@code i}
 * @param cols {@code c}, the number of columns of {@code B}
 */
public record EigenProjection(double[] eigenvalues, double[] projection, int cols) {

  /**
   * Decomposes {@code g} and projects {@code b}.
   *
   * @param g symmetric {@code k x k}, row-major; overwritten
   * @param k the order of {@code g}
   * @param b row-major {@code k x c}; overwritten and returned as the projection
   * @param c columns of {@code b}
   * @return eigenvalues and {@code Vᵀ B}
   */
  public static EigenProjection of(double[] g, int k, double[] b, int c) {
    double[][] rows = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(g, i * k, rows[i], 0, k);
    }
    return of(rows, b, c);
  }

  /**
   * Decomposes {@code g} given as full symmetric rows and projects {@code b}.
   *
   * @param g symmetric {@code k x k} as rows; overwritten
   * @param b row-major {@code k x c}; overwritten and returned as the projection
   * @param c columns of {@code b}
   * @return eigenvalues and {@code Vᵀ B}
   */
  public static EigenProjection of(double[][] g, double[] b, int c) {
    int k = g.length;
    if (k == 1) {
      return new EigenProjection(new double[] {g[0][0]}, b, c);
    }
    Tridiagonalizer tri = Tridiagonalizer.reduce(g);
    // rows as separate arrays: every row operation below then vectorises
    double[][] rows = new double[k][c];
    for (int i = 0; i < k; i++) {
      System.arraycopy(b, i * c, rows[i], 0, c);
    }
    tri.applyQTranspose(rows);
    double[] diag = tri.diagonal();
    double[] off = tri.offDiagonal();

    // pass 1: eigenvalues only (cheap), as EJML's own decomposition does
    SymmetricQREigenHelper_DDRM valueHelper = new SymmetricQREigenHelper_DDRM();
    SymmetricQrAlgorithm_DDRM values = new SymmetricQrAlgorithm_DDRM(valueHelper);
    valueHelper.init(diag.clone(), off.clone(), k);
    values.setQ(null);
    values.setFastEigenvalues(true);
    if (!values.process(-1, null, null)) {
      throw notConverged(k);
    }
    double[] lambda = valueHelper.copyEigenvalues(null);

    // pass 2: follow the known eigenvalues as shifts, rotating QᵀB instead of Q
    double[][] saved = new double[k][];
    for (int i = 0; i < k; i++) {
      saved[i] = rows[i].clone();
    }
    RotatingHelper helper = new RotatingHelper(rows);
    SymmetricQrAlgorithm_DDRM vectors = new SymmetricQrAlgorithm_DDRM(helper);
    vectors.setQ(new DMatrixRMaj(1, 1));
    if (!vectors.process(k, diag.clone(), off.clone(), lambda)) {
      // fall back to plain Wilkinson shifts from the start
      RotatingHelper retry = new RotatingHelper(saved);
      SymmetricQrAlgorithm_DDRM plain = new SymmetricQrAlgorithm_DDRM(retry);
      retry.init(diag.clone(), off.clone(), k);
      retry.setQ(new DMatrixRMaj(1, 1));
      plain.setFastEigenvalues(false);
      if (!plain.process(-1, null, null)) {
        throw notConverged(k);
      }
      return new EigenProjection(retry.copyEigenvalues(null), flatten(saved, b, c), c);
    }
    return new EigenProjection(helper.copyEigenvalues(null), flatten(rows, b, c), c);
  }

  private static double[] flatten(double[][] rows, double[] out, int c) {
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * c, c);
    }
    return out;
  }

  private static GraftException notConverged(int k) {
    return new GraftException(
        GraftErrors.INTERNAL,
        "the symmetric QR algorithm did not converge on a "
            + k
            + " x "
            + k
            + " Gram matrix; check the features for extreme values (e.g. 1e300) and rescale them.");
  }

  /** Applies each QR rotation to two rows of the {@code k x c} projection instead of {@code Q}. */
  private static final class RotatingHelper extends SymmetricQREigenHelper_DDRM {
    private final double[][] rows;

    RotatingHelper(double[][] rows) {
      this.rows = rows;
    }

    @Override
    protected void updateQ(int m, int n, double cos, double sin) {
      double[] a = rows[m];
      double[] b = rows[n];
      for (int j = 0; j < a.length; j++) {
        double x = a[j];
        double y = b[j];
        a[j] = cos * x + sin * y;
        b[j] = -sin * x + cos * y;
      }
    }
  }
}
