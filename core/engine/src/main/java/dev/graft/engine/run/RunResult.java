package dev.graft.engine.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced: the input it saw, the source ranking, every strategy's outcome with
 * intervals and guard verdicts, the winner and why, timings and provenance. Written to {@code
 * result.json} and rendered into {@code report.html}.
 *
 * @param jobName the job's name
 * @param jobSpec the job spec as YAML, exactly as run
 * @param started when the run started
 * @param finished when it finished
 * @param target the target data
 * @param protocol the evaluation protocol ({@code holdout}, {@code kfold}, {@code budgets})
 * @param decidingMetric the metric that picks the winner
 * @param ranking the source ranking table, best first
 * @param outcomes every (strategy, source) that ran, scratch included
 * @param skipped every (strategy, source) that could not run, with the reason
 * @param winner the chosen model
 * @param projection source and target features projected to 2-D, for the report (may be empty)
 * @param timingsSeconds wall time per step (read, features, rank, transfer, report)
 * @param provenance versions, seed, digests, device
 */
public record RunResult(
    String jobName,
    String jobSpec,
    Instant started,
    Instant finished,
    TargetSummary target,
    String protocol,
    String decidingMetric,
    List<RankedSource> ranking,
    List<StrategyOutcome> outcomes,
    List<SkippedStrategy> skipped,
    Winner winner,
    List<ProjectedPoint> projection,
    Map<String, Double> timingsSeconds,
    Map<String, String> provenance) {

  /** Freezes the collections. */
  public RunResult {
    ranking = List.copyOf(ranking);
    outcomes = List.copyOf(outcomes);
    skipped = List.copyOf(skipped);
    projection = List.copyOf(projection);
    timingsSeconds = Map.copyOf(timingsSeconds);
    provenance = Map.copyOf(provenance);
  }

  /**
   * The strategy the guard judged the others against: the outcome with the {@link
   * GuardVerdict#BASELINE} verdict ({@code scratch} unless the job named another baseline).
   *
   * @return its id, or {@code scratch} if no baseline ran
   */
  public String baselineStrategy() {
    return baselineOf(outcomes);
  }

  /**
   * The baseline among outcomes: the strategy with the {@link GuardVerdict#BASELINE} verdict.
   *
   * @param outcomes the outcomes of a run
   * @return its id, or {@code scratch} if none has that verdict
   */
  public static String baselineOf(List<StrategyOutcome> outcomes) {
    return outcomes.stream()
        .filter(o -> o.verdict() == GuardVerdict.BASELINE)
        .map(StrategyOutcome::strategyId)
        .findFirst()
        .orElse("scratch");
  }
}
