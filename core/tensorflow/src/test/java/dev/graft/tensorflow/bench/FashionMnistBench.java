package dev.graft.tensorflow.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.Batch;
import dev.graft.tensorflow.train.BatchIterator;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The reference CNN on Fashion-MNIST: thread-setting sweep for training and inference throughput,
 * then a full training run to test accuracy. Disabled unless {@code -Dgraft.bench=true}; run it
 * alone:
 *
 * <pre>
 * mvn -pl core/tensorflow test -Dtest=FashionMnistBench -Dgraft.bench=true \
 *     [-Dgraft.bench.epochs=5] [-Dgraft.bench.dir=/usr/share/datasets/fashion-mnist]
 * </pre>
 *
 * or outside JUnit: {@code java -cp <test classpath> dev.graft.tensorflow.bench.FashionMnistBench
 * [epochs [rounds [dir]]]}. Results are printed and written to {@code
 * target/bench/fashion-mnist.txt}.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class FashionMnistBench {

  /**
   * conv 3x3x32 + relu + 2x2 max-pool, conv 3x3x64 + relu + 2x2 max-pool, dense 128 + relu, softmax
   * head.
   */
  static NetworkSpec referenceCnn() {
    return NetworkSpec.builder()
        .optName("fashion-cnn")
        .setInputShape(28, 28, 1)
        .conv2d("conv1", 32, 3, Activation.RELU)
        .maxPool("pool1", 2)
        .conv2d("conv2", 64, 3, Activation.RELU)
        .maxPool("pool2", 2)
        .flatten("flatten")
        .dense("dense", 128, Activation.RELU)
        .dense("classifier", 10, Activation.LINEAR)
        .build();
  }

  static GraphModel model(int intra, int inter) {
    return GraphModel.builder()
        .setNetwork(referenceCnn())
        .setLoss(LossSpec.softmaxCrossEntropy())
        .optOptimizer(OptimizerSpec.adam(1e-3))
        .optSeed(42)
        .optThreads(intra, inter)
        .build();
  }

  record Speed(int intra, int inter, double trainPerSecond, double inferPerSecond) {}

  static Speed measure(ArrayDataset train, float[] testX, int intra, int inter, int steps) {
    try (GraphModel m = model(intra, inter)) {
      List<Batch> batches = new ArrayList<>();
      try (BatchIterator it = train.batches(64, true, 1)) {
        while (batches.size() < steps + 10) {
          batches.add(it.next());
        }
      }
      for (int i = 0; i < 10; i++) {
        Batch b = batches.get(i);
        m.trainStep(b.features(), b.targets(), null, b.size());
      }
      long t0 = System.nanoTime();
      for (int i = 10; i < batches.size(); i++) {
        Batch b = batches.get(i);
        m.trainStep(b.features(), b.targets(), null, b.size());
      }
      double trainRate = steps * 64 / ((System.nanoTime() - t0) / 1e9);
      int n = 256;
      float[] chunk = new float[n * 784];
      for (int i = 0; i < 3; i++) {
        System.arraycopy(testX, i * n * 784, chunk, 0, chunk.length);
        m.predict(chunk, n);
      }
      int rounds = 20;
      t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        System.arraycopy(testX, (i % 39) * n * 784, chunk, 0, chunk.length);
        m.predict(chunk, n);
      }
      double inferRate = rounds * n / ((System.nanoTime() - t0) / 1e9);
      return new Speed(intra, inter, trainRate, inferRate);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "n/a";
    }
  }

  private static void log(StringBuilder report, String line) {
    report.append(line).append(System.lineSeparator());
    System.out.println(line);
    System.out.flush();
  }

  /**
   * Runs the benchmark and writes {@code target/bench/fashion-mnist.txt}.
   *
   * @param dir the IDX directory
   * @param epochs full-run epochs
   * @param rounds throughput rounds per thread setting (the best is kept: other load on the machine
   *     only ever slows a round down)
   * @return the final test accuracy
   * @throws Exception if the data cannot be read
   */
  static double run(Path dir, int epochs, int rounds) throws Exception {
    FashionMnist.Split trainSplit = FashionMnist.read(dir, "train");
    FashionMnist.Split testSplit = FashionMnist.read(dir, "t10k");
    ArrayDataset train = ArrayDataset.ofClasses(trainSplit.images(), 784, trainSplit.labels(), 10);
    ArrayDataset test = ArrayDataset.ofClasses(testSplit.images(), 784, testSplit.labels(), 10);
    StringBuilder report = new StringBuilder();
    log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s tensorflow=%s loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            org.tensorflow.TensorFlow.version(),
            loadAverage()));
    int[][] settings = {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {0, 0}};
    Speed[] best = new Speed[settings.length];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < settings.length; i++) {
        Speed sp = measure(train, testSplit.images(), settings[i][0], settings[i][1], 150);
        log(
            report,
            String.format(
                Locale.ROOT,
                "round %d intra=%d inter=%d: train %.0f images/s (batch 64), inference %.0f"
                    + " images/s (batch 256), loadavg %s",
                round,
                sp.intra(),
                sp.inter(),
                sp.trainPerSecond(),
                sp.inferPerSecond(),
                loadAverage()));
        best[i] =
            best[i] == null
                ? sp
                : new Speed(
                    sp.intra(),
                    sp.inter(),
                    Math.max(sp.trainPerSecond(), best[i].trainPerSecond()),
                    Math.max(sp.inferPerSecond(), best[i].inferPerSecond()));
      }
    }
    for (Speed sp : best) {
      log(
          report,
          String.format(
              Locale.ROOT,
              "best of %d: intra=%d inter=%d: train %.0f images/s, inference %.0f images/s",
              rounds,
              sp.intra(),
              sp.inter(),
              sp.trainPerSecond(),
              sp.inferPerSecond()));
    }
    Speed fastest =
        java.util.Arrays.stream(best)
            .max((a, b) -> Double.compare(a.trainPerSecond(), b.trainPerSecond()))
            .orElseThrow();
    long t0 = System.nanoTime();
    try (GraphModel m = model(fastest.intra(), fastest.inter())) {
      TrainingResult r =
          Trainer.builder()
              .setModel(m)
              .setConfig(new TrainerConfig(epochs, 64, 42, true, 256, null, null, 0, false))
              .optListener(
                  new dev.graft.tensorflow.train.TrainingListener() {
                    @Override
                    public void onEpochEnd(dev.graft.tensorflow.train.EpochSummary e) {
                      log(
                          report,
                          String.format(
                              Locale.ROOT,
                              "epoch %d: train loss %.4f, test loss %.4f, test accuracy %.4f, %.1f"
                                  + " s, %.0f images/s, loadavg %s",
                              e.epoch(),
                              e.trainLoss(),
                              e.validation().loss(),
                              e.validation().accuracy(),
                              e.seconds(),
                              e.examplesPerSecond(),
                              loadAverage()));
                    }
                  })
              .build()
              .fit(train, test);
      double wall = (System.nanoTime() - t0) / 1e9;
      log(
          report,
          String.format(
              Locale.ROOT,
              "full run: intra=%d inter=%d, Adam 1e-3, batch 64, %d epochs, wall %.1f s (test"
                  + " evaluation each epoch included), final test accuracy %.4f",
              fastest.intra(),
              fastest.inter(),
              epochs,
              wall,
              r.last().validation().accuracy()));
      Path out = Path.of("target/bench/fashion-mnist.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report.toString());
      return r.last().validation().accuracy();
    }
  }

  @Test
  void referenceCnnOnFashionMnist() throws Exception {
    Path dir = Path.of(System.getProperty("graft.bench.dir", FashionMnist.DEFAULT_DIR.toString()));
    double accuracy =
        run(
            dir,
            Integer.getInteger("graft.bench.epochs", 5),
            Integer.getInteger("graft.bench.rounds", 3));
    assertTrue(accuracy >= 0.90, "test accuracy " + accuracy);
  }

  /**
   * Runs the benchmark outside JUnit (progress on stdout).
   *
   * @param args [epochs [rounds [idx directory]]]
   * @throws Exception if the data cannot be read
   */
  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = args.length > 2 ? Path.of(args[2]) : FashionMnist.DEFAULT_DIR;
    run(dir, epochs, rounds);
  }
}
