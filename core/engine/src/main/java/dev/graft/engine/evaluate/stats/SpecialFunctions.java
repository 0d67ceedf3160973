package dev.graft.engine.evaluate.stats;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;

/**
 * The log-gamma function and the regularised incomplete beta function, as needed by {@link
 * StudentT}.
 *
 * <p>Log-gamma uses the Lanczos approximation (g = 7, nine coefficients; relative error about
 * 1e-15) with the reflection formula below 0.5. The incomplete beta function uses its continued
 * fraction evaluated by the modified Lentz method (Numerical Recipes, 3rd ed., section 6.4),
 * switching to the symmetric form {@code I_x(a, b) = 1 - I_{1-x}(b, a)} where the fraction
 * converges faster.
 */
final class SpecialFunctions {

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double LANCZOS_G = 7.0;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double STIRLING_MIN = 10;
  private static final double EPSILON = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 1_000_000;

  private SpecialFunctions() {}

  /**
   * The natural logarithm of the gamma function.
   *
   * @param x a positive argument
   * @return {@code ln Γ(x)}
   */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * The logarithm of the beta function {@code B(a, b) = Γ(a) Γ(b) / Γ(a + b)}. For large arguments
   * it avoids subtracting nearly equal log-gamma values by using Stirling's series for the
   * differences, as R's {@code lbeta} does.
   *
   * @param a a positive argument
   * @param b a positive argument
   * @return {@code ln B(a, b)}
   */
  static double logBeta(double a, double b) {
    double p = Math.min(a, b);
    double q = Math.max(a, b);
    if (p >= STIRLING_MIN) {
      double corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
      return -0.5 * Math.log(q)
          + HALF_LOG_TWO_PI
          + corr
          + (p - 0.5) * Math.log(p / (p + q))
          + q * Math.log1p(-p / (p + q));
    }
    if (q >= STIRLING_MIN) {
      double corr = stirlingCorrection(q) - stirlingCorrection(p + q);
      return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
    }
    return logGamma(p) + logGamma(q) - logGamma(p + q);
  }

  /**
   * {@code ln Γ(x) - [(x - 1/2) ln x - x + ln √(2π)]} from Stirling's series, for {@code x >= 10}
   * (truncation error below 2e-14).
   */
  private static double stirlingCorrection(double x) {
    double inv = 1 / x;
    double inv2 = inv * inv;
    return inv
        * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
  }

  /**
   * The regularised incomplete beta function {@code I_x(a, b)}.
   *
   * @param x the argument in {@code [0, 1]}
   * @param oneMinusX {@code 1 - x}, passed separately so callers can supply it without cancellation
   * @param a the first shape parameter, positive
   * @param b the second shape parameter, positive
   * @return {@code I_x(a, b)} in {@code [0, 1]}
   */
  static double regularizedBeta(double x, double oneMinusX, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (oneMinusX <= 0) {
      return 1;
    }
    double logX = x < 0.5 ? Math.log(x) : Math.log1p(-oneMinusX);
    double logOneMinusX = oneMinusX < 0.5 ? Math.log(oneMinusX) : Math.log1p(-x);
    double logFront = a * logX + b * logOneMinusX - logBeta(a, b);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * continuedFraction(x, oneMinusX, a, b) / a;
    }
    return 1 - Math.exp(logFront) * continuedFraction(oneMinusX, x, b, a) / b;
  }

  private static double continuedFraction(double x, double oneMinusX, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    d = Math.abs(d) < TINY ? TINY : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + aa / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = 1 + aa / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON * 4) {
        return h;
      }
    }
    throw new GraftException(
        GraftErrors.INTERNAL,
        "the incomplete beta continued fraction did not converge for x = "
            + x
            + " (1 - x = "
            + oneMinusX
            + "), a = "
            + a
            + ", b = "
            + b
            + " within "
            + MAX_ITERATIONS
            + " iterations; please report this with these values.");
  }
}
