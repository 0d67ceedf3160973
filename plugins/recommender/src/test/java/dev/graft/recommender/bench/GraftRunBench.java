package dev.graft.recommender.bench;

import static dev.graft.recommender.bench.BenchSupport.log;

import dev.graft.engine.Graft;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.recommender.RecommenderPluginTest;
import dev.graft.recommender.command.ScenarioDataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start scenario through {@code graft run}: the plugin jar in a plugins folder, the data,
 * source model and job written by {@code graft recommender scenario-data} (defaults: 1,500 target
 * users, 5 seeds, 160 epochs), run by the engine's pipeline as the CLI runs it.
 *
 * <pre>
 * mvn -o -f plugins/recommender/pom.xml test -Dtest=GraftRunBench -Dgraft.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
class GraftRunBench {

  @TempDir Path temp;

  @Test
  void scenarioJob() throws Exception {
    StringBuilder r = new StringBuilder();
    log(r, "## Recommender: the cold-start job through graft run (GraftRunBench)");
    log(r, "machine: " + BenchSupport.machine());
    Path plugins = temp.resolve("plugins");
    RecommenderPluginTest.pluginJar(plugins);
    Path dir = temp.resolve("scenario");
    StringWriter out = new StringWriter();
    long t0 = System.nanoTime();
    new ScenarioDataCommand()
        .execute(
            List.of("--out", dir.toString(), "--seed", "1"),
            new PrintWriter(out),
            new PrintWriter(System.err));
    log(
        r,
        out.toString().trim()
            + String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - t0) / 1e9));
    Path job = dir.resolve("cross-domain-cold-start.yaml");
    log(r, "job:\n" + Files.readString(job));
    try (Graft graft =
        Graft.builder()
            .optPluginsDir(plugins)
            .optCacheDir(temp.resolve("cache"))
            .optModelStore(temp.resolve("store"))
            .build()) {
      t0 = System.nanoTime();
      RunResult result = graft.run(job);
      log(
          r,
          String.format(
              Locale.ROOT,
              "graft run: %.0f s, steps %s",
              (System.nanoTime() - t0) / 1e9,
              result.timingsSeconds()));
      log(r, "");
      log(
          r,
          "| strategy | ndcg@10 | ndcg@10/cold | ndcg@10/warm | hr@10/cold | mrr/cold | guard |");
      log(r, "|---|---|---|---|---|---|---|");
      for (StrategyOutcome o : result.outcomes()) {
        log(
            r,
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s |",
                o.strategyId(),
                ci(o.metric("ndcg@10")),
                ci(o.metric("ndcg@10/cold")),
                ci(o.metric("ndcg@10/warm")),
                ci(o.metric("hr@10/cold")),
                ci(o.metric("mrr/cold")),
                o.verdict()));
      }
      StrategyOutcome e =
          result.outcomes().stream()
              .filter(o -> o.strategyId().equals("emcdr"))
              .findFirst()
              .orElseThrow();
      StrategyOutcome b =
          result.outcomes().stream()
              .filter(o -> o.strategyId().equals("target-only"))
              .findFirst()
              .orElseThrow();
      double[] ratio = new double[e.metric("ndcg@10/cold").perRun().size()];
      for (int i = 0; i < ratio.length; i++) {
        ratio[i] =
            e.metric("ndcg@10/cold").perRun().get(i) / b.metric("ndcg@10/cold").perRun().get(i) - 1;
      }
      double[] m = BenchSupport.meanCi(ratio);
      log(
          r,
          String.format(
              Locale.ROOT,
              "emcdr vs target-only, ndcg@10/cold: %+.1f%% ± %.1f%% (paired over %d seeds)",
              100 * m[0],
              100 * m[1],
              ratio.length));
      log(
          r,
          String.format(
              Locale.ROOT,
              "guard difference (deciding metric %s): %+.4f [%.4f, %.4f]",
              result.decidingMetric(),
              e.differenceMean(),
              e.differenceLower(),
              e.differenceUpper()));
      log(r, "winner: " + result.winner());
    }
    BenchSupport.write(r, "recommender-graft-run.md");
  }

  private static String ci(MetricSummary s) {
    return s == null
        ? "-"
        : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", s.mean(), s.lower(), s.upper());
  }
}
