package dev.graft.engine.run;

import java.util.List;

/**
 * One metric of one strategy over the protocol's runs (seeds or folds).
 *
 * @param metric the metric name, e.g. {@code accuracy}
 * @param higherIsBetter whether larger is better
 * @param mean the mean over runs
 * @param lower lower end of the 95% Student-t interval ({@code NaN} with one run)
 * @param upper upper end of the 95% Student-t interval ({@code NaN} with one run)
 * @param perRun the value in each run, in run order (seed order or fold order)
 */
public record MetricSummary(
    String metric,
    boolean higherIsBetter,
    double mean,
    double lower,
    double upper,
    List<Double> perRun) {

  /** Freezes the list. */
  public MetricSummary {
    perRun = List.copyOf(perRun);
  }
}
