package dev.graft.engine.evaluate.stats;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import java.util.OptionalDouble;

/**
 * The summary of repeated measurements of one quantity (one metric over seeds or folds): the mean,
 * the sample standard deviation (divisor {@code n - 1}) and a two-sided Student-t confidence
 * interval for the mean, {@code mean ± t(1 - (1 - confidence)/2, n - 1) · sd / √n}.
 *
 * <p>With a single measurement there is no spread to estimate: the standard deviation and the
 * interval ends are {@code NaN} and {@link #hasInterval()} is false.
 *
 * <p>The interval assumes independent measurements. Over repeated seeds with fresh splits that is
 * reasonable; over the folds of one cross-validation the folds share training data, so the interval
 * is optimistic (Nadeau and Bengio, 2003) and should be read as a spread, not a guarantee.
 *
 * @param n number of measurements, at least 1
 * @param mean the sample mean
 * @param standardDeviation the sample standard deviation, {@code NaN} when {@code n == 1}
 * @param lower lower end of the interval, {@code NaN} when {@code n == 1}
 * @param upper upper end of the interval, {@code NaN} when {@code n == 1}
 * @param confidence the interval's coverage, e.g. 0.95
 */
public record Summary(
    int n, double mean, double standardDeviation, double lower, double upper, double confidence) {

  /** The default coverage of the interval. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Validates the count and coverage. */
  public Summary {
    ConfigException.require(n >= 1, "summary.n", n, "at least 1");
    ConfigException.require(
        confidence > 0 && confidence < 1, "confidence", confidence, "strictly between 0 and 1");
  }

  /**
   * Summarises measurements with a 95% interval.
   *
   * @param values the measurements, at least one, all finite
   * @return the summary
   * @throws InvalidInputException GRAFT-DATA-003 if empty, GRAFT-DATA-001 naming a non-finite value
   */
  public static Summary of(double... values) {
    return of(values, DEFAULT_CONFIDENCE);
  }

  /**
   * Summarises measurements.
   *
   * @param values the measurements, at least one, all finite
   * @param confidence the interval's coverage strictly between 0 and 1
   * @return the summary
   * @throws InvalidInputException GRAFT-DATA-003 if empty, GRAFT-DATA-001 naming a non-finite value
   * @throws ConfigException GRAFT-CONFIG-001 if {@code confidence} is out of range
   */
  public static Summary of(double[] values, double confidence) {
    if (values == null || values.length == 0) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT, "no measurements to summarise; run at least one seed or fold.");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "measurement "
                + i
                + " of "
                + values.length
                + " is "
                + values[i]
                + "; every run must produce a finite value.");
      }
    }
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN, confidence);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double halfWidth = StudentT.twoSidedCritical(confidence, n - 1) * sd / Math.sqrt(n);
    return new Summary(n, mean, sd, mean - halfWidth, mean + halfWidth, confidence);
  }

  /**
   * Whether an interval exists (at least two measurements).
   *
   * @return true if {@code n >= 2}
   */
  public boolean hasInterval() {
    return n >= 2;
  }

  /**
   * The standard error of the mean, {@code sd / √n}.
   *
   * @return the standard error, {@code NaN} when {@code n == 1}
   */
  public double standardError() {
    return standardDeviation / Math.sqrt(n);
  }

  /**
   * Half the interval's width.
   *
   * @return {@code (upper - lower) / 2}, {@code NaN} when {@code n == 1}
   */
  public double halfWidth() {
    return (upper - lower) / 2;
  }

  /**
   * Whether the interval lies entirely above or entirely below {@code value}.
   *
   * @param value the value tested, e.g. 0 for a difference
   * @return true if an interval exists and does not contain {@code value}
   */
  public boolean excludes(double value) {
    return hasInterval() && (lower > value || upper < value);
  }

  /**
   * This summary as a metric: the mean, with the interval when there is one.
   *
   * @param name the metric name
   * @param higherIsBetter whether larger is better
   * @return the metric
   */
  public Metric toMetric(String name, boolean higherIsBetter) {
    if (!hasInterval()) {
      return Metric.of(name, mean, higherIsBetter);
    }
    return new Metric(
        name, mean, higherIsBetter, OptionalDouble.of(lower), OptionalDouble.of(upper));
  }
}
