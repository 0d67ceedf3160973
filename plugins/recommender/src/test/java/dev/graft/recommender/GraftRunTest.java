package dev.graft.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.engine.Graft;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.recommender.command.ScenarioDataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft run} on the cold-start scenario, end to end: the plugin jar in a plugins folder,
 * discovered by the host, the job written by {@code graft recommender scenario-data} (smaller and
 * with two seeds), run by the engine's pipeline: reader with leave-last-out, {@code
 * recommender-model} source, {@code ranking-probe} ranking, {@code emcdr} against the {@code
 * target-only} baseline, {@code ranking-by-activity}, guard, export, report.
 *
 * <p>Runs only with an engine that accepts ranking jobs ({@code evaluation.task}).
 */
class GraftRunTest {

  @TempDir Path temp;

  static boolean engineRunsRankingJobs() {
    return Arrays.stream(dev.graft.engine.job.EvaluationSpec.class.getRecordComponents())
        .anyMatch(c -> c.getName().equals("task"));
  }

  @Test
  void theScenarioRunsThroughThePipeline() throws Exception {
    assumeTrue(engineRunsRankingJobs(), "the engine does not run ranking jobs yet");
    Path plugins = temp.resolve("plugins");
    RecommenderPluginTest.pluginJar(plugins);
    Path dir = temp.resolve("scenario");
    int rc =
        new ScenarioDataCommand()
            .execute(
                List.of(
                    "--out",
                    dir.toString(),
                    "--seed",
                    "2",
                    "--epochs",
                    "40",
                    "--target-users",
                    "600"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    assertEquals(0, rc);
    Path job = dir.resolve("cross-domain-cold-start.yaml");
    String yaml =
        Files.readString(job, StandardCharsets.UTF_8)
            .replace("seeds: 5", "seeds: 2")
            .replace("epochs: 160}", "epochs: 40}")
            .replace("test-fraction: 0.3", "test-fraction: 0.5")
            .replace("budget: {epochs: 160", "budget: {epochs: 40");
    Files.writeString(job, yaml, StandardCharsets.UTF_8);
    try (Graft graft =
        Graft.builder()
            .optPluginsDir(plugins)
            .optCacheDir(temp.resolve("cache"))
            .optModelStore(temp.resolve("store"))
            .build()) {
      RunResult result = graft.run(job);
      StrategyOutcome emcdr = outcome(result, "emcdr");
      StrategyOutcome baseline = outcome(result, "target-only");
      double transfer = emcdr.metric("ndcg@10/cold").mean();
      double base = baseline.metric("ndcg@10/cold").mean();
      assertTrue(transfer > base, "emcdr " + transfer + " vs target-only " + base);
      // paired: better on every seed's run
      for (int i = 0; i < 2; i++) {
        assertTrue(
            emcdr.metric("ndcg@10/cold").perRun().get(i)
                > baseline.metric("ndcg@10/cold").perRun().get(i),
            "run " + i);
      }
      assertEquals(1, result.ranking().size());
      assertNotNull(result.winner());
      assertEquals("source-domain", emcdr.sourceId());
      assertTrue(Files.isDirectory(dir.resolve("runs/cross-domain-cold-start")));
    }
  }

  private static StrategyOutcome outcome(RunResult r, String id) {
    return r.outcomes().stream()
        .filter(o -> o.strategyId().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    id + " did not run: " + r.outcomes() + " skipped " + r.skipped()));
  }
}
