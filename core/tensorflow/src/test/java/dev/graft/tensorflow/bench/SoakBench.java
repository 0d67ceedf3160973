package dev.graft.tensorflow.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkExport;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Resource soak: resident memory must stay flat (&lt; 50 MB growth after warm-up) over 500 train
 * steps of a small CNN and 2,000 DJL inference batches on its exported SavedModel. Disabled unless
 * {@code -Dgraft.bench=true}:
 *
 * <pre>mvn -pl core/tensorflow test -Dtest=SoakBench -Dgraft.bench=true</pre>
 *
 * RSS is read from {@code /proc/self/status} (VmRSS) after a full GC; the numbers are printed.
 * Warm-up (50 train steps, {@code graft.soak.warmup} = 1,000 inference batches by default) lets
 * TensorFlow's allocator and oneDNN caches reach their working size first: in the first few hundred
 * inference batches RSS climbs by ~200 MB, then stays flat.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
class SoakBench {

  static final long LIMIT_BYTES = 50L * 1024 * 1024;

  static final int WARM_UP_BATCHES = Integer.getInteger("graft.soak.warmup", 1000);

  @Test
  void rssStaysFlatOverTrainingAndInference() throws IOException {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(28, 28, 1)
            .conv2d("conv1", 16, 3, Activation.RELU)
            .maxPool("pool1", 2)
            .flatten("flat")
            .dense("dense", 64, Activation.RELU)
            .dense("classifier", 10, Activation.LINEAR)
            .build();
    int batch = 64;
    Random rnd = new Random(1);
    float[] x = new float[batch * 28 * 28];
    float[] y = new float[batch * 10];
    float[] w = new float[batch];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextFloat();
    }
    for (int i = 0; i < batch; i++) {
      y[i * 10 + rnd.nextInt(10)] = 1f;
      w[i] = 1f;
    }
    Path dir = Files.createTempDirectory("graft-soak").resolve("model");
    try (GraphModel model =
        GraphModel.builder()
            .setNetwork(spec)
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(1e-3))
            .optSeed(7)
            .optThreads(2, 1)
            .build()) {
      for (int i = 0; i < 50; i++) {
        model.trainStep(x, y, w, batch);
      }
      long trainStart = rss();
      for (int i = 0; i < 500; i++) {
        model.trainStep(x, y, w, batch);
      }
      long trainEnd = rss();
      report("train", 500, trainStart, trainEnd);
      assertTrue(
          trainEnd - trainStart < LIMIT_BYTES,
          "RSS grew " + mb(trainEnd - trainStart) + " MB over 500 train steps");
      NetworkExport.of(model)
          .labels(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))
          .exportTo(dir);
    }
    HostTensor input = HostTensor.ofFloats(x, batch, 28, 28, 1);
    try (SavedModelRunner runner =
        SavedModelRunner.builder(dir).signature("serving_default").open()) {
      String name = runner.signature().inputs().get(0).key();
      for (int i = 0; i < WARM_UP_BATCHES; i++) {
        runner.run(Map.of(name, input));
      }
      // RSS is sampled every 250 batches; growth = the highest later sample minus the first one
      long first = -1;
      long highest = 0;
      for (int i = 1; i <= 2000; i++) {
        runner.run(Map.of(name, input));
        if (i % 250 == 0) {
          long now = rss();
          System.out.printf("soak inference after %4d batches: RSS %.1f MB%n", i, mb(now));
          if (first < 0) {
            first = now;
          }
          highest = Math.max(highest, now);
        }
      }
      report("inference", 2000, first, highest);
      assertTrue(
          highest - first < LIMIT_BYTES,
          "RSS grew " + mb(highest - first) + " MB over 2,000 inference batches");
    }
  }

  private static void report(String what, int n, long start, long end) {
    System.out.printf(
        "soak %-9s %5d iterations: RSS %.1f MB -> %.1f MB (%+.1f MB)%n",
        what, n, mb(start), mb(end), mb(end - start));
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static long rss() throws IOException {
    System.gc();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/self/status");
  }
}
