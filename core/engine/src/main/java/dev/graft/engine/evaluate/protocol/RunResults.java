package dev.graft.engine.evaluate.protocol;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.engine.evaluate.stats.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of several runs of one experiment, keyed by run: the seed of a repeated-seed run, the
 * fold number of a cross-validation. Two methods run over the same keys can be compared pairwise
 * with {@link PairedComparison#compare(RunResults, RunResults, String)}.
 *
 * <p>Immutable. Metric names keep the order of the first run.
 */
public final class RunResults {

  private final long[] keys;
  private final Map<String, double[]> values;
  private final Map<String, Boolean> higherIsBetter;

  private RunResults(long[] keys, Map<String, double[]> values, Map<String, Boolean> higher) {
    this.keys = keys;
    this.values = values;
    this.higherIsBetter = higher;
  }

  /**
   * Collects the metrics of several runs.
   *
   * @param keys the key of each run (seed or fold), distinct
   * @param runs the metrics of each run, in key order; every run reports the same metric names with
   *     the same direction
   * @return the results
   * @throws InvalidInputException GRAFT-DATA-003 if there are no runs, GRAFT-DATA-002 if the counts
   *     differ, a key repeats, or a run's metric names or directions differ from the first run's
   */
  public static RunResults of(long[] keys, List<List<Metric>> runs) {
    if (keys.length == 0) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT, "no runs to collect; give at least one seed or fold.");
    }
    if (keys.length != runs.size()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          keys.length + " run keys but " + runs.size() + " runs; give one key per run.");
    }
    Set<Long> seen = new LinkedHashSet<>();
    for (long key : keys) {
      if (!seen.add(key)) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH, "run key " + key + " appears twice; keys must be distinct.");
      }
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    Map<String, Boolean> higher = new LinkedHashMap<>();
    for (Metric m : runs.get(0)) {
      if (values.put(m.name(), new double[keys.length]) != null) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "run " + keys[0] + " reports metric '" + m.name() + "' twice.");
      }
      higher.put(m.name(), m.higherIsBetter());
    }
    for (int r = 0; r < keys.length; r++) {
      List<Metric> run = runs.get(r);
      Set<String> names = new LinkedHashSet<>();
      for (Metric m : run) {
        names.add(m.name());
        double[] column = values.get(m.name());
        if (column == null || higher.get(m.name()) != m.higherIsBetter()) {
          throw inconsistent(keys, r, run, values.keySet());
        }
        column[r] = m.value();
      }
      if (run.size() != values.size() || !names.equals(values.keySet())) {
        throw inconsistent(keys, r, run, values.keySet());
      }
    }
    return new RunResults(keys.clone(), values, higher);
  }

  private static InvalidInputException inconsistent(
      long[] keys, int r, List<Metric> run, Set<String> expected) {
    List<String> names = new ArrayList<>();
    for (Metric m : run) {
      names.add(m.name() + (m.higherIsBetter() ? "" : " (lower is better)"));
    }
    return new InvalidInputException(
        GraftErrors.SIZE_MISMATCH,
        "run "
            + keys[r]
            + " reports metrics "
            + names
            + " but run "
            + keys[0]
            + " reported "
            + expected
            + "; every run must report the same metrics with the same direction.");
  }

  /**
   * The run keys (seeds or fold numbers), in run order.
   *
   * @return a copy
   */
  public long[] keys() {
    return keys.clone();
  }

  /**
   * Number of runs.
   *
   * @return the count
   */
  public int runs() {
    return keys.length;
  }

  /**
   * The metric names, in the order the first run reported them.
   *
   * @return an unmodifiable list
   */
  public List<String> metricNames() {
    return List.copyOf(values.keySet());
  }

  /**
   * One metric's value in every run, in run order.
   *
   * @param metric the metric name
   * @return a copy of the values
   * @throws InvalidInputException GRAFT-DATA-002 if no run reported {@code metric}
   */
  public double[] values(String metric) {
    return column(metric).clone();
  }

  /**
   * One metric's value in the run with the given key.
   *
   * @param metric the metric name
   * @param key the seed or fold
   * @return the value
   * @throws InvalidInputException GRAFT-DATA-002 if the metric or key is unknown
   */
  public double value(String metric, long key) {
    double[] column = column(metric);
    for (int r = 0; r < keys.length; r++) {
      if (keys[r] == key) {
        return column[r];
      }
    }
    throw new InvalidInputException(
        GraftErrors.SIZE_MISMATCH,
        "no run has key " + key + "; the keys are " + Arrays.toString(keys) + ".");
  }

  /**
   * Whether larger values of a metric are better.
   *
   * @param metric the metric name
   * @return its direction
   * @throws InvalidInputException GRAFT-DATA-002 if no run reported {@code metric}
   */
  public boolean higherIsBetter(String metric) {
    column(metric);
    return higherIsBetter.get(metric);
  }

  /**
   * The mean, standard deviation and 95% interval of one metric over the runs.
   *
   * @param metric the metric name
   * @return the summary
   * @throws InvalidInputException GRAFT-DATA-002 if no run reported {@code metric}
   */
  public Summary summary(String metric) {
    return Summary.of(column(metric));
  }

  /**
   * Every metric as its mean over the runs, with the 95% interval when there are two or more runs.
   *
   * @return one metric per name, in {@link #metricNames()} order
   */
  public List<Metric> summaries() {
    List<Metric> out = new ArrayList<>(values.size());
    for (String name : values.keySet()) {
      out.add(summary(name).toMetric(name, higherIsBetter.get(name)));
    }
    return List.copyOf(out);
  }

  private double[] column(String metric) {
    double[] column = values.get(metric);
    if (column == null) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "no run reported metric '" + metric + "'; the runs report " + values.keySet() + ".");
    }
    return column;
  }

  @Override
  public String toString() {
    return "RunResults[" + keys.length + " runs, metrics=" + values.keySet() + "]";
  }
}
