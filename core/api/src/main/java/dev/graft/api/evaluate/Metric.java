package dev.graft.api.evaluate;

import dev.graft.api.error.ConfigException;
import java.util.OptionalDouble;

/**
 * A named measurement, with an optional 95% interval when it aggregates repeated runs.
 *
 * @param name e.g. {@code accuracy}, {@code macro-f1}, {@code ndcg@10}
 * @param value the value
 * @param higherIsBetter whether larger is better
 * @param lower lower end of the 95% interval, if any
 * @param upper upper end of the 95% interval, if any
 */
public record Metric(
    String name, double value, boolean higherIsBetter, OptionalDouble lower, OptionalDouble upper) {

  /** Validates. */
  public Metric {
    ConfigException.require(name != null && !name.isBlank(), "metric.name", name, "non-blank");
    lower = lower == null ? OptionalDouble.empty() : lower;
    upper = upper == null ? OptionalDouble.empty() : upper;
  }

  /**
   * A point value.
   *
   * @param name the metric name
   * @param value the value
   * @param higherIsBetter whether larger is better
   * @return the metric
   */
  public static Metric of(String name, double value, boolean higherIsBetter) {
    return new Metric(name, value, higherIsBetter, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
