package dev.graft.engine.evaluate.stats;

import dev.graft.api.error.ConfigException;

/**
 * Student's t distribution with {@code df} degrees of freedom: its distribution function and
 * quantiles, for confidence intervals and paired tests.
 *
 * <p>The upper tail is {@code P(T > t) = I_x(df/2, 1/2) / 2} with {@code x = df / (df + t²)}, where
 * {@code I} is the regularised incomplete beta function. Quantiles invert that tail by bisection to
 * full double precision, so they are exact for every degree of freedom (no table, no normal
 * approximation): for example the 97.5% quantile is 12.706 at df = 1, 2.776 at df = 4, 2.042 at df
 * = 30, and approaches 1.960 as df grows.
 */
public final class StudentT {

  private static final int MAX_BISECTIONS = 2000;
  private static final double EXPANSION_DF = 1e6;

  private StudentT() {}

  /**
   * The distribution function {@code P(T <= t)}.
   *
   * @param t the point; may be infinite
   * @param df degrees of freedom, positive and finite
   * @return the probability
   * @throws ConfigException GRAFT-CONFIG-001 if {@code df} is not positive and finite or {@code t}
   *     is NaN
   */
  public static double cdf(double t, double df) {
    requireDegreesOfFreedom(df);
    ConfigException.require(!Double.isNaN(t), "t", t, "a number");
    return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
  }

  /**
   * The probability {@code P(T > t)}, computed without cancellation for large {@code t}.
   *
   * @param t the point; may be infinite
   * @param df degrees of freedom, positive and finite
   * @return the upper-tail probability
   * @throws ConfigException GRAFT-CONFIG-001 if {@code df} is not positive and finite or {@code t}
   *     is NaN
   */
  public static double survival(double t, double df) {
    requireDegreesOfFreedom(df);
    ConfigException.require(!Double.isNaN(t), "t", t, "a number");
    return t >= 0 ? upperTail(t, df) : 1 - upperTail(-t, df);
  }

  /**
   * The quantile: the {@code t} with {@code P(T <= t) = p}.
   *
   * @param p a probability strictly between 0 and 1
   * @param df degrees of freedom, positive; {@code Double.POSITIVE_INFINITY} gives the normal
   *     quantile
   * @return the quantile
   * @throws ConfigException GRAFT-CONFIG-001 if {@code p} or {@code df} is out of range
   */
  public static double quantile(double p, double df) {
    requirePositiveDegreesOfFreedom(df);
    ConfigException.require(p > 0 && p < 1, "p", p, "a probability strictly between 0 and 1");
    if (p == 0.5) {
      return 0;
    }
    double tail = p > 0.5 ? 1 - p : p;
    double t = inverseUpperTail(tail, df);
    return p > 0.5 ? t : -t;
  }

  /**
   * The critical value of a two-sided interval: the {@code (1 + confidence) / 2} quantile, e.g.
   * 2.776 for 95% confidence at df = 4.
   *
   * @param confidence the coverage strictly between 0 and 1, e.g. 0.95
   * @param df degrees of freedom, positive; {@code Double.POSITIVE_INFINITY} gives the normal
   *     critical value (1.960 at 95%)
   * @return the positive critical value
   * @throws ConfigException GRAFT-CONFIG-001 if {@code confidence} or {@code df} is out of range
   */
  public static double twoSidedCritical(double confidence, double df) {
    ConfigException.require(
        confidence > 0 && confidence < 1,
        "confidence",
        confidence,
        "strictly between 0 and 1, e.g. 0.95");
    requirePositiveDegreesOfFreedom(df);
    return inverseUpperTail((1 - confidence) / 2, df);
  }

  private static void requirePositiveDegreesOfFreedom(double df) {
    ConfigException.require(df > 0, "degrees of freedom", df, "positive (infinity allowed)");
  }

  private static void requireDegreesOfFreedom(double df) {
    ConfigException.require(
        df > 0 && Double.isFinite(df), "degrees of freedom", df, "positive and finite");
  }

  /** {@code P(T > t)} for {@code t >= 0}. */
  private static double upperTail(double t, double df) {
    double t2 = t * t;
    if (Double.isInfinite(t2)) {
      return 0;
    }
    double x = df / (df + t2);
    double oneMinusX = t2 / (df + t2);
    return 0.5 * SpecialFunctions.regularizedBeta(x, oneMinusX, df / 2, 0.5);
  }

  /**
   * The {@code t >= 0} with {@code P(T > t) = tail}, for {@code 0 < tail <= 0.5}. Above {@link
   * #EXPANSION_DF} degrees of freedom the incomplete beta continued fraction loses precision
   * (relative error about {@code df * 1e-16}), so the quantile comes from the Cornish-Fisher
   * expansion {@code t = z + g1(z)/df + g2(z)/df²} around the normal quantile {@code z}, which is
   * itself recovered from the exact quantile at {@link #EXPANSION_DF}; the neglected terms are
   * below 1e-17 there.
   */
  private static double inverseUpperTail(double tail, double df) {
    if (df <= EXPANSION_DF) {
      return bisectUpperTail(tail, df);
    }
    double reference = bisectUpperTail(tail, EXPANSION_DF);
    double z = reference;
    for (int i = 0; i < 4; i++) {
      z = reference - expansion(z, EXPANSION_DF);
    }
    return z + expansion(z, df);
  }

  /** The first two Cornish-Fisher correction terms of the t quantile at normal quantile z. */
  private static double expansion(double z, double df) {
    double z2 = z * z;
    double g1 = z * (z2 + 1) / 4;
    double g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
    return g1 / df + g2 / (df * df);
  }

  private static double bisectUpperTail(double tail, double df) {
    double lo = 0;
    double hi = 1;
    while (upperTail(hi, df) > tail) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < MAX_BISECTIONS; i++) {
      double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (upperTail(mid, df) > tail) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo + (hi - lo) / 2;
  }
}
