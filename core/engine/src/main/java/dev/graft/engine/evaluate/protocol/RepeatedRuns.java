package dev.graft.engine.evaluate.protocol;

import dev.graft.api.error.ConfigException;
import dev.graft.api.evaluate.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Repeats an experiment over several seeds and collects the metrics, to be summarised as mean and
 * 95% interval per metric ({@link RunResults#summaries()}).
 *
 * <pre>{@code
 * RunResults r = RepeatedRuns.run(RepeatedRuns.seeds(42, 5), seed -> {
 *   Split split = Splits.stratifiedHoldOut(labels, 0.2, seed);
 *   return evaluator.evaluate(trainAndPredict(split, seed), labels.select(split.test()));
 * });
 * r.summaries(); // accuracy = mean [lower, upper], ...
 * }</pre>
 */
public final class RepeatedRuns {

  private RepeatedRuns() {}

  /**
   * Consecutive seeds {@code first, first + 1, ...}.
   *
   * @param first the first seed
   * @param count how many, at least 1
   * @return the seeds
   * @throws ConfigException GRAFT-CONFIG-001 if {@code count < 1}
   */
  public static long[] seeds(long first, int count) {
    ConfigException.require(count >= 1, "seeds", count, "at least 1");
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) {
      seeds[i] = first + i;
    }
    return seeds;
  }

  /**
   * Runs the experiment once per seed, in order. A failing run propagates its exception.
   *
   * @param seeds the seeds, distinct, at least one
   * @param run the experiment
   * @return the metrics of every run, keyed by seed
   * @throws dev.graft.api.error.InvalidInputException if the runs report different metrics
   */
  public static RunResults run(long[] seeds, SeededRun run) {
    List<List<Metric>> results = new ArrayList<>(seeds.length);
    for (long seed : seeds) {
      results.add(run.run(seed));
    }
    return RunResults.of(seeds, results);
  }
}
