package dev.graft.engine.run;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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

  /**
   * Equal when every component is equal, the confusion matrix compared by content (a record
   * compares arrays by identity), so an outcome read back from {@code result.json} equals the one
   * written.
   *
   * @param other the object to compare with
   * @return whether both describe the same outcome
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof StrategyOutcome o
        && Objects.equals(strategyId, o.strategyId)
        && Objects.equals(sourceId, o.sourceId)
        && metrics.equals(o.metrics)
        && verdict == o.verdict
        && Double.compare(differenceMean, o.differenceMean) == 0
        && Double.compare(differenceLower, o.differenceLower) == 0
        && Double.compare(differenceUpper, o.differenceUpper) == 0
        && curve.equals(o.curve)
        && Arrays.deepEquals(confusion, o.confusion)
        && notes.equals(o.notes)
        && Double.compare(trainSeconds, o.trainSeconds) == 0;
  }

  /**
   * A hash consistent with {@link #equals(Object)} (the confusion matrix hashed by content).
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(
                strategyId,
                sourceId,
                metrics,
                verdict,
                differenceMean,
                differenceLower,
                differenceUpper,
                curve,
                notes,
                trainSeconds)
            * 31
        + Arrays.deepHashCode(confusion);
  }

  /**
   * The components, the confusion matrix written out by content.
   *
   * @return a readable description
   */
  @Override
  public String toString() {
    return "StrategyOutcome[strategyId="
        + strategyId
        + ", sourceId="
        + sourceId
        + ", metrics="
        + metrics
        + ", verdict="
        + verdict
        + ", differenceMean="
        + differenceMean
        + ", differenceLower="
        + differenceLower
        + ", differenceUpper="
        + differenceUpper
        + ", curve="
        + curve
        + ", confusion="
        + Arrays.deepToString(confusion)
        + ", notes="
        + notes
        + ", trainSeconds="
        + trainSeconds
        + "]";
  }
}
