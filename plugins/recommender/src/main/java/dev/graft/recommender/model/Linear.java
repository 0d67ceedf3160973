package dev.graft.recommender.model;

/** Small dense linear algebra for fold-in and mappings. */
public final class Linear {

  private Linear() {}

  /**
   * Solves {@code A x = b} for a square, well-conditioned (e.g. ridge-regularised) {@code A} by
   * Gaussian elimination with partial pivoting.
   *
   * @param a row-major {@code n x n}, not modified
   * @param b length {@code n}, not modified
   * @param n the size
   * @return x
   */
  public static double[] solve(double[] a, double[] b, int n) {
    return FactorModel.solve(a, b, n);
  }
}
