package dev.graft.speech.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.engine.estimate.WeightedKendallTau;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The speech scenarios measured end to end through the engine's {@code TransferPipeline} with the
 * speech readers and encoder bound into the host's injector: synthesise the five espeak-ng sets,
 * pretrain the six pool sources, then run the job files of {@code docs/examples/speech} (copied
 * next to the data, as a user would run them with {@code graft run}).
 *
 * <ul>
 *   <li>{@code speaker-transfer}: keywords, unseen voices, 5 clips per keyword.
 *   <li>{@code task-transfer}: the digits, unseen voices, 5 clips per digit.
 *   <li>{@code source-pool}: the digits target against all six sources; the weighted Kendall tau
 *       between each estimator's scores and the accuracy each source reached.
 * </ul>
 *
 * <p>Disabled unless {@code -Dgraft.bench=true}:
 *
 * <pre>
 * mvn -o -f plugins/speech/pom.xml test -Dtest=SpeechTransferBench -Dgraft.bench=true \
 *     [-Dgraft.bench.jobs=speaker-transfer,task-transfer,source-pool] [-Dgraft.bench.seeds=5] \
 *     [-Dgraft.bench.epochs=150] [-Dgraft.bench.pretrain-epochs=30] [-Dgraft.bench.dir=target/bench]
 * </pre>
 *
 * Data, store and runs go under {@code target/bench/} and are reused by later runs; each job's
 * summary is written to {@code target/bench/<job>.txt}.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class SpeechTransferBench {

  static final Path EXAMPLES = Path.of("../../docs/examples/speech");

  static String run(Path root, String job, int seeds, int epochs, int pretrainEpochs)
      throws IOException {
    StringBuilder report = new StringBuilder();
    SpeechBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "job %s: cpus=%d java=%s tensorflow=%s loadavg-start=%s",
            job,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            org.tensorflow.TensorFlow.version(),
            SpeechBenchSupport.loadAverage()));
    Path data = root.resolve("data");
    Files.createDirectories(data);
    double synth = SpeechScenarios.synthesise(data, line -> SpeechBenchSupport.log(report, line));
    SpeechBenchSupport.log(report, String.format(Locale.ROOT, "synthesis: %.1f s", synth));
    Path store = root.resolve("store");
    double pre =
        SpeechScenarios.pretrainPool(
            data, store, pretrainEpochs, line -> SpeechBenchSupport.log(report, line));
    SpeechBenchSupport.log(report, String.format(Locale.ROOT, "pretraining: %.1f s", pre));

    String yaml =
        Files.readString(EXAMPLES.resolve(job + ".yaml"))
            .replaceAll("seeds: \\d+", "seeds: " + seeds)
            .replaceAll("budget: \\{epochs: \\d+", "budget: {epochs: " + epochs);
    Path jobFile = root.resolve(job + ".yaml");
    Files.writeString(jobFile, yaml);
    JobSpec spec = JobSpecs.parse(yaml, jobFile.toString());
    long t0 = System.nanoTime();
    RunResult result =
        SpeechBenchSupport.runJob(spec, root, store, root.resolve("feature-cache"), report);
    SpeechBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "pipeline %s (%d seeds, %d epochs budget): %.1f s; steps %s",
            job,
            seeds,
            epochs,
            (System.nanoTime() - t0) / 1e9,
            result.timingsSeconds()));
    SpeechBenchSupport.logOutcomes(result, report);
    best(result, report);
    if (job.equals("source-pool")) {
      taus(result, report);
    }
    SpeechBenchSupport.log(report, "loadavg-end=" + SpeechBenchSupport.loadAverage());
    Files.writeString(root.resolve(job + ".txt"), report.toString());
    return report.toString();
  }

  /** The best strategy against scratch, with the target's 10-point question answered. */
  static void best(RunResult result, StringBuilder report) {
    StrategyOutcome best = null;
    StrategyOutcome scratch = null;
    for (StrategyOutcome o : result.outcomes()) {
      if (o.strategyId().equals("scratch")) {
        scratch =
            scratch == null || o.metric("accuracy").mean() > scratch.metric("accuracy").mean()
                ? o
                : scratch;
      } else if (best == null || o.metric("accuracy").mean() > best.metric("accuracy").mean()) {
        best = o;
      }
    }
    if (best == null || scratch == null) {
      return;
    }
    MetricSummary b = best.metric("accuracy");
    MetricSummary s = scratch.metric("accuracy");
    SpeechBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "best: %s from %s %.4f [%.4f, %.4f] vs scratch (%s) %.4f [%.4f, %.4f]: %+.1f points"
                + " (target +10: %s)",
            best.strategyId(),
            best.sourceId(),
            b.mean(),
            b.lower(),
            b.upper(),
            scratch.sourceId(),
            s.mean(),
            s.lower(),
            s.upper(),
            100 * (b.mean() - s.mean()),
            b.mean() - s.mean() >= 0.10 ? "met" : "missed"));
  }

  /** Weighted Kendall tau between each estimator's scores and each strategy's mean accuracy. */
  static void taus(RunResult result, StringBuilder report) {
    List<RankedSource> ranking = result.ranking();
    TreeSet<String> estimators = new TreeSet<>();
    ranking.forEach(r -> estimators.addAll(r.scores().keySet()));
    for (String strategy : List.of("linear-probe", "fine-tune")) {
      List<String> ids = new ArrayList<>();
      List<Double> acc = new ArrayList<>();
      for (RankedSource r : ranking) {
        for (StrategyOutcome o : result.outcomes()) {
          if (o.strategyId().equals(strategy) && o.sourceId().equals(r.sourceId())) {
            ids.add(r.sourceId());
            acc.add(o.metric("accuracy").mean());
          }
        }
      }
      if (ids.size() < 2) {
        continue; // the job did not run this strategy on enough sources
      }
      SpeechBenchSupport.log(
          report,
          String.format(Locale.ROOT, "ground truth %s accuracy: %s = %s", strategy, ids, acc));
      double[] y = acc.stream().mapToDouble(Double::doubleValue).toArray();
      for (String e : estimators) {
        double[] x = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
          String id = ids.get(i);
          x[i] =
              ranking.stream()
                  .filter(r -> r.sourceId().equals(id))
                  .findFirst()
                  .orElseThrow()
                  .scores()
                  .getOrDefault(e, Double.NaN);
        }
        SpeechBenchSupport.log(
            report,
            String.format(
                Locale.ROOT,
                "tau_w(%s, %s accuracy) = %.3f over %d sources; scores %s",
                e,
                strategy,
                tau(x, y),
                ids.size(),
                java.util.Arrays.toString(x)));
      }
    }
  }

  static double tau(double[] x, double[] y) {
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return Double.NaN;
      }
    }
    return WeightedKendallTau.of(x, y);
  }

  @Test
  void speechScenarios() throws IOException {
    Path root = Path.of(System.getProperty("graft.bench.dir", "target/bench"));
    int seeds = Integer.getInteger("graft.bench.seeds", 5);
    int epochs = Integer.getInteger("graft.bench.epochs", 150);
    int pretrain = Integer.getInteger("graft.bench.pretrain-epochs", 30);
    for (String job :
        System.getProperty("graft.bench.jobs", "speaker-transfer,task-transfer,source-pool")
            .split(",")) {
      String text = run(root, job.trim(), seeds, epochs, pretrain);
      assertTrue(text.contains("winner"));
    }
  }

  /**
   * Runs the benches outside JUnit (e.g. with a fixed class path).
   *
   * @param args the bench folder (default {@code target/bench}), the jobs (comma-separated, default
   *     all three), seeds (5), the epoch budget (150) and pretraining epochs (30)
   * @throws IOException if a summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/bench");
    String jobs = args.length > 1 ? args[1] : "speaker-transfer,task-transfer,source-pool";
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 150;
    int pretrain = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    for (String job : jobs.split(",")) {
      run(root, job.trim(), seeds, epochs, pretrain);
    }
  }
}
