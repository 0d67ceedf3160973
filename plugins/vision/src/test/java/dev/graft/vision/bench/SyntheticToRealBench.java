package dev.graft.vision.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.source.EncodedInputs;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.run.RunResult;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.TrainedNetwork;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.demo.DemoJobs;
import dev.graft.vision.demo.DemoSources;
import dev.graft.vision.encode.ImageInputEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 1, synthetic to real, measured end to end: pretrain the demo sources (small-cnn on the
 * shipped rendered digits and on the 62 rendered alphanumerics, UCI 8x8 form), apply the digit
 * model to the real UCI digits without any target label (source-only), then run the embedded
 * learning-curve job ({@code digits-from-glyphs-budgets}: 1, 5 and 10 labels per class, 5 seeds,
 * scratch, linear probe and fine-tune from both sources) through the engine's {@link
 * TransferPipeline} with the vision readers and encoder bound into the host's injector.
 *
 * <p>Disabled unless {@code -Dgraft.bench=true}; run it alone:
 *
 * <pre>
 * mvn -o -pl plugins/vision test -Dtest=SyntheticToRealBench -Dgraft.bench=true \
 *     [-Dgraft.bench.seeds=5] [-Dgraft.bench.epochs=150] [-Dgraft.bench.dir=target/bench] \
 *     [-Dgraft.bench.job=digits-from-glyphs-budgets|digits-from-glyphs]
 * </pre>
 *
 * or outside JUnit with {@link #main}. Everything is written under {@code target/bench/} (model
 * store, feature cache, run folder with result.json and report.html) and the summary to {@code
 * target/bench/<job>-<epochs>-epochs.txt}. The stored sources are reused by later runs (delete
 * {@code target/bench/store} to pretrain again).
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class SyntheticToRealBench {

  /**
   * Accuracy of a stored glyph model on the UCI digits with no target labels: the argmax over the
   * model's outputs whose label is a digit (for the 62-class model the letters are ignored).
   */
  static double[] sourceOnly(Path model, Dataset<Image> target) {
    TrainedNetwork net = TrainedNetwork.load(model);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) net.manifest().inputSpec();
    EncodedInputs x = new ImageInputEncoder().encode(target, spec, false, 0);
    float[] logits;
    try (GraphModel m =
        GraphModel.builder().setNetwork(net.network()).setLoss(net.loss()).build()) {
      net.restore(m);
      logits = m.logits(x.values(), x.count());
    }
    List<String> outputs = net.labels();
    List<String> classes = target.classLabels().names();
    int width = outputs.size();
    int digitsOnly = 0;
    int anyClass = 0;
    for (int i = 0; i < x.count(); i++) {
      int bestDigit = -1;
      int bestAny = 0;
      for (int o = 0; o < width; o++) {
        float v = logits[i * width + o];
        if (v > logits[i * width + bestAny]) {
          bestAny = o;
        }
        if (classes.contains(outputs.get(o))
            && (bestDigit < 0 || v > logits[i * width + bestDigit])) {
          bestDigit = o;
        }
      }
      String truth = classes.get(target.classLabels().get(i));
      digitsOnly += outputs.get(bestDigit).equals(truth) ? 1 : 0;
      anyClass += outputs.get(bestAny).equals(truth) ? 1 : 0;
    }
    return new double[] {digitsOnly / (double) x.count(), anyClass / (double) x.count()};
  }

  /**
   * Runs the benchmark.
   *
   * @param root the bench folder (model store, cache, run folder, summary)
   * @param job the embedded job: {@code digits-from-glyphs-budgets} or {@code digits-from-glyphs}
   * @param seeds seeds per budget (the job's default is 5)
   * @param epochs the job's epoch budget per training run (the job's default is 150)
   * @return the summary text
   * @throws IOException if the summary cannot be written
   */
  static String run(Path root, String job, int seeds, int epochs) throws IOException {
    StringBuilder report = new StringBuilder();
    Path store = root.resolve("store");
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s tensorflow=%s loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            org.tensorflow.TensorFlow.version(),
            BenchSupport.loadAverage()));
    DeviceConfig device = DeviceConfig.cpu();
    long t0 = System.nanoTime();
    List<Path> sources = DemoSources.ensure(store, device, line -> BenchSupport.log(report, line));
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT, "pretraining both sources: %.1f s", (System.nanoTime() - t0) / 1e9));

    Dataset<Image> uci = VisionData.UCI_DIGITS.load();
    for (Path s : sources) {
      double[] acc = sourceOnly(s, uci);
      BenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "source-only %s on all 1,797 UCI digits: %.4f (argmax over digit outputs), %.4f"
                  + " (argmax over all outputs)",
              s.getFileName(),
              acc[0],
              acc[1]));
    }

    Path runFolder = root.resolve("run");
    Path jobFile = DemoJobs.materialise(job, runFolder);
    String yaml =
        Files.readString(jobFile)
            .replaceAll("seeds: \\d+", "seeds: " + seeds)
            .replaceAll("budget: \\{epochs: \\d+", "budget: {epochs: " + epochs);
    JobSpec spec = JobSpecs.parse(yaml, jobFile.toString());
    t0 = System.nanoTime();
    RunResult result =
        BenchSupport.runJob(spec, runFolder, store, root.resolve("feature-cache"), report);
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "pipeline %s (%d seeds per budget, %d epochs budget): %.1f s; steps %s",
            job,
            seeds,
            epochs,
            (System.nanoTime() - t0) / 1e9,
            result.timingsSeconds()));
    BenchSupport.logOutcomes(result, report);
    BenchSupport.log(report, "winner: " + result.winner());
    BenchSupport.log(report, "loadavg-end=" + BenchSupport.loadAverage());
    Files.writeString(root.resolve(job + "-" + epochs + "-epochs.txt"), report.toString());
    return report.toString();
  }

  @Test
  void syntheticToReal() throws IOException {
    int seeds = Integer.getInteger("graft.bench.seeds", 5);
    int epochs = Integer.getInteger("graft.bench.epochs", 150);
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            System.getProperty("graft.bench.job", "digits-from-glyphs-budgets"),
            seeds,
            epochs);
    assertTrue(text.contains("winner"));
  }

  /**
   * Runs the benchmark outside JUnit.
   *
   * @param args optional: the bench folder (default {@code target/bench}), seeds per budget
   *     (default 5), the epoch budget (default 150, as in the job) and the job (default {@code
   *     digits-from-glyphs-budgets})
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/bench");
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    String job = args.length > 3 ? args[3] : "digits-from-glyphs-budgets";
    run(root, job, seeds, epochs);
  }
}
