package dev.graft.vision.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.run.RunResult;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.vision.Image;
import dev.graft.vision.demo.DemoJobs;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.pretrain.PretrainRequest;
import dev.graft.vision.pretrain.PretrainResult;
import dev.graft.vision.pretrain.Pretrainer;
import dev.graft.vision.read.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 2, negative transfer, measured end to end: pretrain {@code small-cnn} on Fashion-MNIST
 * training images of classes 0-4 ({@code fashion-0-4}), then run the embedded job {@code
 * fashion-negative-transfer} (target: test images of classes 5-9, 10 labels per class, 5 seeds;
 * scratch, linear probe, fine-tune) through the engine's pipeline. Needs Debian's {@code
 * dataset-fashion-mnist}. Disabled unless {@code -Dgraft.bench=true}:
 *
 * <pre>
 * mvn -o -pl plugins/vision test -Dtest=NegativeTransferBench -Dgraft.bench=true \
 *     [-Dgraft.bench.seeds=5] [-Dgraft.bench.epochs=150] [-Dgraft.bench.source-epochs=10]
 * </pre>
 *
 * The summary goes to {@code target/bench/negative-transfer-<epochs>-epochs.txt}.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class NegativeTransferBench {

  static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  static final String NAMES =
      "T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot";

  static String run(Path root, int seeds, int epochs, int sourceEpochs) throws IOException {
    StringBuilder report = new StringBuilder();
    Path store = root.resolve("store");
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            BenchSupport.loadAverage()));
    Dataset<Image> source =
        new IdxReader()
            .read(
                FASHION,
                new ReadOptions(
                    BadInputPolicy.FAIL, 0, Map.of("class-names", NAMES, "classes", "0,1,2,3,4")))
            .dataset();
    Path model = store.resolve("fashion-0-4");
    long t0 = System.nanoTime();
    if (ModelManifest.existsIn(model)
        && Objects.equals(
            ModelManifest.readFrom(model).provenance().get("dataDigest"), source.info().digest())
        && Objects.equals(ModelManifest.readFrom(model).provenance().get("epochs"), sourceEpochs)) {
      BenchSupport.log(report, "source fashion-0-4: cached in " + model);
    } else {
      PretrainResult r =
          new Pretrainer(DeviceConfig.cpu(), line -> BenchSupport.log(report, "  " + line))
              .run(
                  PretrainRequest.of(
                      source,
                      ImageInputSpec.of(28, 28, 1),
                      "small-cnn",
                      sourceEpochs,
                      1,
                      "fashion-0-4",
                      store));
      BenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "source fashion-0-4: %d train / %d validation images, %d epochs run (best %d),"
                  + " validation accuracy %.4f, %.1f s",
              r.trainExamples(),
              r.validationExamples(),
              r.epochsRun(),
              r.bestEpoch(),
              r.validationAccuracy(),
              (System.nanoTime() - t0) / 1e9));
    }
    Path runFolder = root.resolve("run-fashion");
    Path jobFile = DemoJobs.materialise("fashion-negative-transfer", runFolder);
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
            "pipeline (%d seeds, %d epochs budget): %.1f s; steps %s",
            seeds,
            epochs,
            (System.nanoTime() - t0) / 1e9,
            result.timingsSeconds()));
    BenchSupport.logOutcomes(result, report);
    BenchSupport.log(report, "winner: " + result.winner());
    BenchSupport.log(report, "loadavg-end=" + BenchSupport.loadAverage());
    Files.writeString(
        root.resolve("negative-transfer-" + epochs + "-epochs.txt"), report.toString());
    return report.toString();
  }

  @Test
  void negativeTransfer() throws IOException {
    assumeTrue(
        Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist not installed");
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            Integer.getInteger("graft.bench.seeds", 5),
            Integer.getInteger("graft.bench.epochs", 150),
            Integer.getInteger("graft.bench.source-epochs", 10));
    assertTrue(text.contains("winner"));
  }

  /**
   * Runs the benchmark outside JUnit.
   *
   * @param args optional: bench folder, seeds, epoch budget, source epochs
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(
        Path.of(args.length > 0 ? args[0] : "target/bench"),
        args.length > 1 ? Integer.parseInt(args[1]) : 5,
        args.length > 2 ? Integer.parseInt(args[2]) : 150,
        args.length > 3 ? Integer.parseInt(args[3]) : 10);
  }
}
