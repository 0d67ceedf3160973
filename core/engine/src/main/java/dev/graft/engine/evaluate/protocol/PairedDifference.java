package dev.graft.engine.evaluate.protocol;

import dev.graft.engine.evaluate.stats.StudentT;
import dev.graft.engine.evaluate.stats.Summary;

/**
 * The result of a paired comparison of method A against method B: the summary of the per-run
 * differences {@code a - b} (mean, sample standard deviation, Student-t interval) and the direction
 * of the metric.
 *
 * @param differences the summary of {@code a[i] - b[i]} over the paired runs
 * @param higherIsBetter whether larger metric values are better
 */
public record PairedDifference(Summary differences, boolean higherIsBetter) {

  /** Which method the comparison favours. */
  public enum Verdict {
    /** The interval lies entirely on A's better side. */
    A_BETTER,
    /** The interval lies entirely on B's better side. */
    B_BETTER,
    /** The interval contains 0: no significant difference at the interval's confidence. */
    NOT_SIGNIFICANT,
    /** Only one paired run: there is no interval, so no conclusion. */
    UNDETERMINED
  }

  /**
   * Number of paired runs.
   *
   * @return the count
   */
  public int n() {
    return differences.n();
  }

  /**
   * The mean of {@code a - b}.
   *
   * @return the mean difference
   */
  public double meanDifference() {
    return differences.mean();
  }

  /**
   * Lower end of the interval for the mean difference.
   *
   * @return the lower end, {@code NaN} with one run
   */
  public double lower() {
    return differences.lower();
  }

  /**
   * Upper end of the interval for the mean difference.
   *
   * @return the upper end, {@code NaN} with one run
   */
  public double upper() {
    return differences.upper();
  }

  /**
   * Whether the interval excludes 0, i.e. the methods differ significantly.
   *
   * @return true if an interval exists and does not contain 0
   */
  public boolean excludesZero() {
    return differences.excludes(0);
  }

  /**
   * The two-sided p-value of the paired t-test of "mean difference = 0": {@code 2 P(T > |t|)} with
   * {@code t = mean / (sd / √n)} and {@code n - 1} degrees of freedom. When all differences are
   * equal the test degenerates: 1 if they are all 0, otherwise 0.
   *
   * @return the p-value, {@code NaN} with one run
   */
  public double pValue() {
    if (!differences.hasInterval()) {
      return Double.NaN;
    }
    double se = differences.standardError();
    if (se == 0) {
      return differences.mean() == 0 ? 1 : 0;
    }
    double t = Math.abs(differences.mean()) / se;
    return Math.min(1, 2 * StudentT.survival(t, n() - 1));
  }

  /**
   * Which method is better, taking the metric's direction into account. A negative-transfer guard
   * comparing A = transferred model against B = from-scratch baseline flags negative transfer when
   * this is {@link Verdict#B_BETTER}.
   *
   * @return the verdict
   */
  public Verdict verdict() {
    if (!differences.hasInterval()) {
      return Verdict.UNDETERMINED;
    }
    if (!excludesZero()) {
      return Verdict.NOT_SIGNIFICANT;
    }
    boolean aLarger = differences.lower() > 0;
    return aLarger == higherIsBetter ? Verdict.A_BETTER : Verdict.B_BETTER;
  }
}
