package dev.graft.cli.run;

import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** The short, human-readable summary {@code graft run} prints. */
final class RunSummary {

  private RunSummary() {}

  /**
   * Prints the ranking; {@code selectedLabel} marks the sources kept (e.g. {@code transferred}
   * after a run, {@code kept} for {@code graft rank}, which trains nothing).
   */
  static void printRanking(PrintWriter out, Iterable<RankedSource> ranking, String selectedLabel) {
    out.println("Sources, best first (consensus of the estimators' ranks):");
    for (RankedSource r : ranking) {
      StringBuilder scores = new StringBuilder();
      r.scores().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(
              e -> scores.append(String.format(Locale.ROOT, " %s=%.4g", e.getKey(), e.getValue())));
      out.printf(
          Locale.ROOT,
          "  %d. %-28s mean rank %.2f%s%s%n",
          r.rank(),
          r.sourceId(),
          r.consensusRank(),
          r.selected() ? "  [" + selectedLabel + "]" : "",
          scores);
    }
  }

  static void print(PrintWriter out, RunResult r, String runDir) {
    out.printf(
        Locale.ROOT,
        "Run '%s' finished in %.1f s: %d target examples, %d classes, protocol %s.%n%n",
        r.jobName(),
        Duration.between(r.started(), r.finished()).toMillis() / 1000.0,
        r.target().examples(),
        r.target().classes().size(),
        r.protocol());
    printRanking(out, r.ranking(), "transferred");
    out.println();
    String baseline = r.baselineStrategy();
    out.printf(
        "Outcomes (%s: mean [95%% interval]; difference to %s):%n", r.decidingMetric(), baseline);
    for (StrategyOutcome o : r.outcomes()) {
      MetricSummary m = o.metric(r.decidingMetric());
      String verdict =
          switch (o.verdict()) {
            case BASELINE -> "baseline";
            case BEATS_SCRATCH -> "beats " + baseline;
            case WITHIN_NOISE -> "negative transfer (within noise of " + baseline + ")";
            case NEGATIVE_TRANSFER -> "negative transfer (worse than " + baseline + ")";
          };
      out.printf(
          Locale.ROOT,
          "  %-14s %-24s %.4f [%.4f, %.4f]  %s%n",
          o.strategyId(),
          o.sourceId(),
          m == null ? Double.NaN : m.mean(),
          m == null ? Double.NaN : m.lower(),
          m == null ? Double.NaN : m.upper(),
          o.verdict() == dev.graft.engine.run.GuardVerdict.BASELINE
              ? verdict
              : String.format(
                  Locale.ROOT,
                  "%+.4f [%+.4f, %+.4f]  %s",
                  o.differenceMean(),
                  o.differenceLower(),
                  o.differenceUpper(),
                  verdict));
    }
    for (SkippedStrategy s : r.skipped()) {
      out.printf("  %-14s %-24s skipped: %s%n", s.strategyId(), s.sourceId(), s.reason());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Winner: %s on %s (%s %.4f) — %s.%n",
        r.winner().strategyId(),
        r.winner().sourceId(),
        r.winner().metric(),
        r.winner().mean(),
        r.winner().reason());
    if (!r.winner().exportedTo().isEmpty()) {
      out.println("Model:  " + runDir + "/" + r.winner().exportedTo());
    }
    out.println("Report: " + runDir + "/report.html");
    out.println("Result: " + runDir + "/result.json");
  }
}
