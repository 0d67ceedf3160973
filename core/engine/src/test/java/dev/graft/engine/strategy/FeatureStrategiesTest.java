package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.tensorflow.nn.GraphModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORAL, self-training, KMM and TrAdaBoost on generated feature-space tasks where they help. */
class FeatureStrategiesTest {

  static final DeviceConfig CPU = DeviceConfig.cpu();
  static final TrainingBudget BUDGET = new TrainingBudget(40, Duration.ofMinutes(5));

  /** Gaussian blobs: class c centred at 2.5 on axis c (of 3), noise 0.8, plus noise dimensions. */
  static Dataset<float[]> blobs(
      String name, int perClass, int dim, long seed, Function<float[], float[]> shift) {
    Random rnd = new Random(seed);
    List<float[]> x = new ArrayList<>();
    int[] y = new int[perClass * 3];
    for (int i = 0; i < y.length; i++) {
      int c = i % 3;
      float[] v = new float[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = (float) ((j == c ? 2.5 : 0) + 0.8 * rnd.nextGaussian());
      }
      x.add(shift.apply(v));
      y[i] = c;
    }
    return Synthetic.data(name, x, y, Synthetic.names(3));
  }

  static TransferContext context(
      Source source, Dataset<?> train, Dataset<?> pool, Map<String, String> options, Path work) {
    return new TransferContext(
        source, train, Optional.empty(), Optional.ofNullable(pool), BUDGET, 5, options, work);
  }

  static double run(
      TransferStrategy strategy, TransferContext ctx, Dataset<?> test, boolean twice) {
    TransferResult a = strategy.transfer(ctx);
    try {
      double accuracy = Accuracy.of(a.model(), test);
      if (twice) {
        TransferResult b = strategy.transfer(ctx);
        try {
          assertArrayEquals(
              a.model().predict(test).probabilities().orElseThrow().values().data(),
              b.model().predict(test).probabilities().orElseThrow().values().data(),
              strategy.id() + ": same seed, same predictions");
        } finally {
          b.model().close();
        }
      }
      System.out.println(strategy.id() + " " + accuracy + " " + a.notes());
      return accuracy;
    } finally {
      a.model().close();
    }
  }

  // ------------------------------------------------------------------ CORAL

  static float[] shifted(float[] v) {
    float[] scale = {2.5f, 0.4f, 1.6f, 1f, 0.5f, 2f};
    float[] offset = {1.5f, -1f, 2f, 0f, 1f, -2f};
    float[] out = new float[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] * scale[j] + offset[j];
    }
    return out;
  }

  @Test
  void coralImprovesOverNoAlignmentOnAShiftedUnlabelledTarget(@TempDir Path work) {
    Dataset<float[]> sourceData = blobs("source", 100, 6, 1, v -> v);
    Dataset<float[]> target = blobs("target", 100, 6, 2, FeatureStrategiesTest::shifted);
    Source source = new VectorSource(sourceData);
    Dataset<float[]> noLabels = Dataset.unlabelled(Synthetic.info("empty"), List.of());
    TransferContext ctx = context(source, noLabels, target.withoutTargets(), Map.of(), work);
    double coral = run(new CoralStrategy(CPU), ctx, target, true);

    HeadTraining.Examples plain =
        new HeadTraining.Examples(
            FeatureRows.of(source.features(sourceData)), sourceData.classLabels().values(), null);
    double unaligned;
    try (GraphModel head =
        HeadTraining.train(
                plain, null, 3, new HeadSettings(0.01, 32, 5, 40), 5, CPU, Deadline.start(BUDGET))
            .head()) {
      FeatureRows t = FeatureRows.of(source.features(target));
      int[] predicted =
          BatchedInference.probabilities(head, t.values(), t.rows()).argmax().values();
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == target.classLabels().get(i) ? 1 : 0;
      }
      unaligned = correct / (double) predicted.length;
    }
    System.out.printf("coral %.3f vs no alignment %.3f%n", coral, unaligned);
    assertTrue(coral > 0.85, "coral " + coral);
    assertTrue(coral > unaligned + 0.15, "coral " + coral + " vs unaligned " + unaligned);
  }

  // ------------------------------------------------------------------ self-training

  @Test
  void selfTrainingImprovesOverItsFirstRoundOnAClusteredPool(@TempDir Path work) {
    Dataset<float[]> train = blobs("labelled", 2, 24, 3, v -> v);
    Dataset<float[]> pool = blobs("pool", 100, 24, 4, v -> v);
    Source source = new VectorSource(null);
    TransferStrategy self = new SelfTrainingStrategy(CPU);
    double first =
        run(
            self,
            context(source, train, pool.withoutTargets(), Map.of("rounds", "0"), work),
            pool,
            false);
    double last =
        run(
            self,
            context(source, train, pool.withoutTargets(), Map.of("rounds", "6"), work),
            pool,
            true);
    System.out.printf("self-training %.3f vs first round %.3f%n", last, first);
    assertTrue(last > first + 0.05, "self-training " + last + " vs first round " + first);
  }

  // ------------------------------------------------------------------ instance weighting

  /**
   * A source whose first 180 examples match the target (same blobs) and whose others lie elsewhere
   * (dimension 3 shifted by 6) with their labels rotated, so unweighted source data misleads.
   */
  static Dataset<float[]> mixedSource(int otherPerClass) {
    Dataset<float[]> matching = blobs("matching", 60, 10, 5, v -> v);
    Dataset<float[]> other =
        blobs(
            "other",
            otherPerClass,
            10,
            6,
            v -> {
              v[3] += 6;
              return v;
            });
    List<float[]> x = new ArrayList<>(matching.examples());
    x.addAll(other.examples());
    int[] y = new int[x.size()];
    for (int i = 0; i < matching.size(); i++) {
      y[i] = matching.classLabels().get(i);
    }
    for (int i = 0; i < other.size(); i++) {
      y[matching.size() + i] = (other.classLabels().get(i) + 1) % 3;
    }
    return Synthetic.data("mixed-source", x, y, Synthetic.names(3));
  }

  @Test
  void kmmWeightsDownTheSourceRegionTheTargetLacks() {
    Dataset<float[]> source = mixedSource(60);
    Dataset<float[]> target = blobs("target", 50, 10, 7, v -> v);
    VectorSource s = new VectorSource(source);
    FeatureRows xs = FeatureRows.of(s.features(source));
    FeatureRows xt = FeatureRows.of(s.features(target));
    KernelMeanMatching.Result r =
        KernelMeanMatching.solve(
            xs, xt, KernelMeanMatching.medianGamma(xs, xt), 10, 10 / Math.sqrt(360));
    double matching = 0;
    double other = 0;
    for (int i = 0; i < 180; i++) {
      matching += r.weights()[i] / 180;
      other += r.weights()[180 + i] / 180;
    }
    System.out.printf("KMM mean weight: matching %.3f, other %.3f%n", matching, other);
    assertTrue(matching > 1.2 && other < 0.1 * matching, matching + " vs " + other);
    for (double b : r.weights()) {
      assertTrue(b >= -1e-9 && b <= 10 + 1e-9, "box constraint: " + b);
    }
  }

  @Test
  void kmmAndTrAdaBoostBeatTargetOnlyWhenASourceSubsetMatchesTheTarget(@TempDir Path work) {
    Dataset<float[]> train = blobs("target-train", 3, 10, 8, v -> v);
    Dataset<float[]> test = blobs("target-test", 100, 10, 9, v -> v);
    Source source = new VectorSource(mixedSource(30));
    Map<String, String> options = Map.of("batch-size", "16");
    double targetOnly =
        run(
            new LinearProbeStrategy(null, CPU),
            context(source, train, test.withoutTargets(), options, work),
            test,
            true);
    double kmm =
        run(
            new KmmStrategy(CPU),
            context(source, train, test.withoutTargets(), options, work),
            test,
            true);
    Map<String, String> boost = Map.of("batch-size", "16");
    double tradaboost =
        run(
            new TrAdaBoostStrategy(CPU),
            context(source, train, test.withoutTargets(), boost, work),
            test,
            true);
    System.out.printf("kmm %.3f, tradaboost %.3f, target only %.3f%n", kmm, tradaboost, targetOnly);
    assertTrue(kmm > targetOnly + 0.05, "kmm " + kmm + " vs target only " + targetOnly);
    assertTrue(
        tradaboost > targetOnly + 0.03,
        "tradaboost " + tradaboost + " vs target only " + targetOnly);
  }

  @Test
  void aFeatureHeadExportsWithTheSourceItNeedsAndReloads(@TempDir Path work) {
    Dataset<float[]> train = blobs("t", 5, 6, 1, v -> v);
    Dataset<float[]> test = blobs("u", 20, 6, 2, v -> v);
    Source source = new VectorSource(null);
    TransferResult r =
        new LinearProbeStrategy(null, CPU).transfer(context(source, train, null, Map.of(), work));
    try {
      double[] expected = r.model().predict(test).probabilities().orElseThrow().values().data();
      Path dir = work.resolve("head");
      r.model().export(dir);
      dev.graft.tensorflow.savedmodel.ModelManifest m =
          dev.graft.tensorflow.savedmodel.ModelManifest.readFrom(dir);
      Map<?, ?> spec = (Map<?, ?>) m.inputSpec();
      assertEquals(FeatureHeadModel.KIND, spec.get("kind"));
      assertEquals("vectors", spec.get("source"));
      assertEquals("d", spec.get("sourceDigest"));
      dev.graft.tensorflow.nn.TrainedNetwork reloaded =
          dev.graft.tensorflow.nn.TrainedNetwork.load(dir);
      FeatureRows x = FeatureRows.of(source.features(test));
      try (GraphModel head =
          GraphModel.builder().setNetwork(reloaded.network()).setLoss(reloaded.loss()).build()) {
        reloaded.restore(head);
        double[] actual =
            dev.graft.engine.source.Softmax.rows(head.logits(x.values(), x.rows()), x.rows(), 3)
                .values()
                .data();
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], actual[i], 1e-5, "probability " + i);
        }
      }
    } finally {
      r.model().close();
    }
  }

  @Test
  void aLinearProbeOnFrozenFeaturesFitsARegressionTarget(@TempDir Path work) {
    Random rnd = new Random(9);
    List<float[]> x = new ArrayList<>();
    double[] y = new double[200];
    for (int i = 0; i < 200; i++) {
      float[] v = new float[5];
      for (int j = 0; j < 5; j++) {
        v[j] = (float) rnd.nextGaussian();
      }
      x.add(v);
      y[i] = 2 * v[0] - v[1] + 0.5 + 0.05 * rnd.nextGaussian();
    }
    Dataset<float[]> all =
        Dataset.labelled(Synthetic.info("linear"), x, dev.graft.api.data.RegressionTargets.of(y));
    int[] first = java.util.stream.IntStream.range(0, 100).toArray();
    int[] second = java.util.stream.IntStream.range(100, 200).toArray();
    Dataset<float[]> train = all.subset(first);
    Dataset<float[]> test = all.subset(second);
    TransferResult r =
        new LinearProbeStrategy(null, CPU)
            .transfer(context(new VectorSource(null), train, null, Map.of("lr", "0.05"), work));
    try {
      double[] predicted = r.model().predict(test).outputs().orElseThrow().data();
      double sse = 0;
      for (int i = 0; i < 100; i++) {
        sse += Math.pow(predicted[i] - y[100 + i], 2);
      }
      System.out.printf("linear-probe regression MSE %.4f%n", sse / 100);
      assertTrue(sse / 100 < 0.05, "MSE " + sse / 100);
    } finally {
      r.model().close();
    }
  }

  @Test
  void theTimeBudgetEndsTrainingAtAnEpochBoundaryAndKmmSubsamplesLargeSources(@TempDir Path work) {
    Dataset<float[]> train = blobs("t", 5, 10, 1, v -> v);
    Source source = new VectorSource(mixedSource(30));
    TransferContext ctx =
        new TransferContext(
            source,
            train,
            Optional.of(train),
            Optional.empty(),
            new TrainingBudget(50, Duration.ofNanos(1)),
            5,
            Map.of("max-source", "100"),
            work);
    TransferResult r = new KmmStrategy(CPU).transfer(ctx);
    try {
      assertTrue(
          r.notes().get(0).startsWith("source data subsampled from 270 to 100"),
          r.notes().toString());
      assertTrue(
          r.notes().get(2).contains(": 1 epochs, stopped by the time budget"),
          r.notes().toString());
    } finally {
      r.model().close();
    }
  }

  // ------------------------------------------------------------------ requirements and options

  @Test
  void missingSourceDataAndBadOptionsAreReported(@TempDir Path work) {
    Dataset<float[]> train = blobs("t", 3, 4, 1, v -> v);
    Source noData = new VectorSource(null);
    GraftException e =
        assertThrows(
            GraftException.class,
            () -> new KmmStrategy(CPU).transfer(context(noData, train, null, Map.of(), work)));
    assertEquals("GRAFT-EXT-001", e.errorId().code());
    ConfigException threshold =
        assertThrows(
            ConfigException.class,
            () ->
                new SelfTrainingStrategy(CPU)
                    .transfer(context(noData, train, train, Map.of("threshold", "1.5"), work)));
    assertTrue(
        threshold.getMessage().contains("threshold")
            && threshold.getMessage().contains("at most 1"),
        threshold.getMessage());
  }
}
