package dev.graft.nlp.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.nlp.pretrain.FortuneSources;
import dev.graft.nlp.read.FortuneReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The topic-transfer scenario measured end to end: make the scenario's sources ({@link
 * FortuneSources}: skip-gram vectors, text-cnn with and without them, the frozen averaged
 * embedding), then run the job {@code fortune-topics} (the copy in {@code
 * docs/examples/nlp/fortune-topics.yaml}: 5 target categories, 20 labels per class, 5 seeds, linear
 * probe and fine-tune against scratch, macro-F1) through the engine's {@link
 * dev.graft.engine.pipeline.TransferPipeline} with the NLP readers and encoder bound into the
 * host's injector.
 *
 * <p>Disabled unless {@code -Dgraft.bench=true}:
 *
 * <pre>
 * mvn -o -f plugins/nlp/pom.xml test -Dtest=FortuneTopicsBench -Dgraft.bench=true \
 *     [-Dgraft.bench.seeds=5] [-Dgraft.bench.epochs=100] [-Dgraft.bench.dir=target/bench] \
 *     [-Dgraft.bench.job=OTHER.yaml] [-Dgraft.bench.name=fortune-topics]
 * </pre>
 *
 * Everything is written under {@code target/bench/} (store, cache, run folder with result.json and
 * report.html) and the summary to {@code target/bench/fortune-topics-<epochs>-epochs.txt}.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class FortuneTopicsBench {

  static String yaml() throws IOException {
    String override = System.getProperty("graft.bench.job");
    if (override != null) {
      return Files.readString(Path.of(override));
    }
    try (InputStream in =
        FortuneTopicsBench.class.getResourceAsStream("/dev/graft/nlp/jobs/fortune-topics.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String run(Path root, int seeds, int epochs) throws IOException {
    StringBuilder report = new StringBuilder();
    NlpBenchSupport.log(report, NlpBenchSupport.header());
    Path store = root.resolve("store");
    long t0 = System.nanoTime();
    FortuneSources.ensure(
        store,
        root.resolve("shipped-fortunes"),
        DeviceConfig.cpu(),
        l -> NlpBenchSupport.log(report, l));
    NlpBenchSupport.log(
        report,
        String.format(Locale.ROOT, "sources ready: %.1f s", (System.nanoTime() - t0) / 1e9));
    Path runFolder =
        root.resolve("run-" + System.getProperty("graft.bench.name", "fortune-topics"));
    Files.createDirectories(runFolder);
    Path fortunes = FortuneSources.fortunesFolder(root.resolve("shipped-fortunes"));
    String yaml =
        yaml()
            .replace("path: " + FortuneReader.DEBIAN_FOLDER, "path: " + fortunes)
            .replaceAll("seeds: \\d+", "seeds: " + seeds)
            .replaceAll("budget: \\{epochs: \\d+", "budget: {epochs: " + epochs);
    NlpBenchSupport.log(report, "target fortunes: " + fortunes);
    JobSpec spec = JobSpecs.parse(yaml, runFolder.resolve("fortune-topics.yaml").toString());
    t0 = System.nanoTime();
    RunResult result =
        NlpBenchSupport.runJob(spec, runFolder, store, root.resolve("feature-cache"), report);
    NlpBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "pipeline fortune-topics (%d seeds, %d epochs budget): %.1f s; steps %s",
            seeds,
            epochs,
            (System.nanoTime() - t0) / 1e9,
            result.timingsSeconds()));
    NlpBenchSupport.logOutcomes(result, report);
    StrategyOutcome best = null;
    for (StrategyOutcome o : result.outcomes()) {
      if (!o.strategyId().equals("scratch")
          && (best == null || o.differenceMean() > best.differenceMean())) {
        best = o;
      }
    }
    if (best != null) {
      MetricSummary f1 = best.metric("macro-f1");
      NlpBenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "best transfer: %s from %s, macro-F1 %.4f, %+.1f points over its scratch [%+.1f,"
                  + " %+.1f] (target: >= +8 points)",
              best.strategyId(),
              best.sourceId(),
              f1.mean(),
              100 * best.differenceMean(),
              100 * best.differenceLower(),
              100 * best.differenceUpper()));
    }
    NlpBenchSupport.log(report, "winner: " + result.winner());
    NlpBenchSupport.log(report, "loadavg-end=" + NlpBenchSupport.loadAverage());
    Files.writeString(
        root.resolve(
            System.getProperty("graft.bench.name", "fortune-topics")
                + "-"
                + epochs
                + "-epochs.txt"),
        report.toString());
    return report.toString();
  }

  @Test
  void fortuneTopics() throws IOException {
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            Integer.getInteger("graft.bench.seeds", 5),
            Integer.getInteger("graft.bench.epochs", 100));
    assertTrue(text.contains("winner"));
  }

  /**
   * Runs the benchmark outside JUnit.
   *
   * @param args optional: the bench folder, seeds, epoch budget
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(
        Path.of(args.length > 0 ? args[0] : "target/bench"),
        args.length > 1 ? Integer.parseInt(args[1]) : 5,
        args.length > 2 ? Integer.parseInt(args[2]) : 100);
  }
}
