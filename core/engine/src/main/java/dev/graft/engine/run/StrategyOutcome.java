package dev.graft.engine.run;

import java.util.List;

/**
 * What one strategy achieved with one source, and how it compares with scratch.
 *
 * @param strategyId the strategy
 * @param sourceId the source (for {@code scratch}, the source whose architecture it reused)
 * @param metrics every metric over the protocol's runs
 * @param verdict the negative-transfer guard's verdict
 * @param differenceMean mean paired difference to scratch in the deciding metric (0 for scratch)
 * @param differenceLower lower end of its 95% interval
 * @param differenceUpper upper end of its 95% interval
 * @param curve the learning curve, if the protocol was {@code budgets}
 * @param confusion the confusion matrix of the first run ({@code [true][predicted]}), if
 *     classification
 * @param notes what the strategy reported (epochs, early stop, pseudo-labels)
 * @param trainSeconds total training time over all runs
 */
public record StrategyOutcome(
    String strategyId,
    String sourceId,
    List<MetricSummary> metrics,
    GuardVerdict verdict,
    double differenceMean,
    double differenceLower,
    double differenceUpper,
    List<CurvePoint> curve,
    int[][] confusion,
    List<String> notes,
    double trainSeconds) {

  /** Freezes the lists. */
  public StrategyOutcome {
    metrics = List.copyOf(metrics);
    curve = List.copyOf(curve);
    notes = List.copyOf(notes);
  }

  /**
   * The summary of one metric.
   *
   * @param name the metric name
   * @return the summary, or null if this outcome has no such metric
   */
  public MetricSummary metric(String name) {
    return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().orElse(null);
  }
}
