package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.Softmax;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.TrainedNetwork;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scratch, linear-probe and fine-tune from a Graft-model source trained on a related task: the
 * target labels clusters modulo 4 from only two examples per cluster.
 */
class NetworkStrategiesTest {

  @TempDir static Path store;
  static Source source;
  static ModelStoreLoader loader;
  static final InputEncoders ENCODERS = InputEncoders.of(List.of(new VectorEncoder()));
  static final Dataset<float[]> TRAIN = Synthetic.circle("target-train", 2, 4, 21);
  static final Dataset<float[]> TEST = Synthetic.circle("target-test", 30, 4, 22);

  @BeforeAll
  static void openSource() {
    SourceModels.exportCircleSource(store.resolve("circle"));
    loader = new ModelStoreLoader(store, ENCODERS, DeviceConfig.cpu());
    source =
        loader.open(
            loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of())).get(0));
  }

  @AfterAll
  static void closeSource() {
    source.close();
  }

  static TransferContext context(Map<String, String> options, Path work) {
    return new TransferContext(
        source,
        TRAIN,
        Optional.empty(),
        Optional.of(TEST.withoutTargets()),
        new TrainingBudget(40, Duration.ofMinutes(5)),
        7,
        options,
        work);
  }

  static final Map<String, String> FAST = Map.of("lr", "0.01", "batch-size", "8");

  @Test
  void fineTuneFromARelatedSourceBeatsScratchAndIsDeterministic(@TempDir Path work) {
    TransferStrategy fineTune = new FineTuneStrategy(ENCODERS, DeviceConfig.cpu());
    TransferStrategy scratch = new ScratchStrategy(ENCODERS, DeviceConfig.cpu());
    double fineTuned;
    double baseline;
    try (AutoCloseableResult a = wrap(fineTune.transfer(context(FAST, work)));
        AutoCloseableResult b = wrap(fineTune.transfer(context(FAST, work)));
        AutoCloseableResult s = wrap(scratch.transfer(context(FAST, work)));
        AutoCloseableResult s2 = wrap(scratch.transfer(context(FAST, work)))) {
      fineTuned = Accuracy.of(a.model(), TEST);
      baseline = Accuracy.of(s.model(), TEST);
      assertArrayEquals(
          a.model().predict(TEST).probabilities().orElseThrow().values().data(),
          b.model().predict(TEST).probabilities().orElseThrow().values().data(),
          "same seed, same predictions");
      assertArrayEquals(
          s.model().predict(TEST).probabilities().orElseThrow().values().data(),
          s2.model().predict(TEST).probabilities().orElseThrow().values().data(),
          "scratch: same seed, same predictions (augmentation included)");
      assertTrue(
          a.notes().get(0).startsWith("head phase (backbone frozen): 3 epochs"),
          a.notes().toString());
      assertTrue(a.notes().get(1).contains("[embed, hidden]"), a.notes().toString());
    }
    System.out.printf("fine-tune %.3f vs scratch %.3f%n", fineTuned, baseline);
    assertTrue(fineTuned > 0.85, "fine-tune accuracy " + fineTuned);
    assertTrue(fineTuned > baseline + 0.1, "fine-tune " + fineTuned + " vs scratch " + baseline);
  }

  @Test
  void linearProbeOnTheFrozenBackboneExportsOneReloadableModel(@TempDir Path work) {
    TransferStrategy probe = new LinearProbeStrategy(ENCODERS, DeviceConfig.cpu());
    try (AutoCloseableResult a = wrap(probe.transfer(context(FAST, work)));
        AutoCloseableResult b = wrap(probe.transfer(context(FAST, work)))) {
      double accuracy = Accuracy.of(a.model(), TEST);
      System.out.printf("linear-probe %.3f%n", accuracy);
      assertTrue(accuracy > 0.85, "linear-probe accuracy " + accuracy);
      double[] expected = a.model().predict(TEST).probabilities().orElseThrow().values().data();
      assertArrayEquals(
          expected, b.model().predict(TEST).probabilities().orElseThrow().values().data());

      Path exported = work.resolve("export/model");
      a.model().export(exported);
      a.model().export(exported); // replacing an export works
      ModelManifest manifest = ModelManifest.readFrom(exported);
      assertEquals(List.of("c0", "c1", "c2", "c3"), manifest.labels());
      assertEquals("vector", ((Map<?, ?>) manifest.inputSpec()).get("kind"));
      assertEquals("linear-probe", manifest.provenance().get("strategy.id"));

      TrainedNetwork reloaded = TrainedNetwork.load(exported);
      float[] x = new float[TEST.size() * Synthetic.DIM];
      for (int i = 0; i < TEST.size(); i++) {
        System.arraycopy(TEST.example(i), 0, x, i * Synthetic.DIM, Synthetic.DIM);
      }
      try (GraphModel net =
          GraphModel.builder().setNetwork(reloaded.network()).setLoss(reloaded.loss()).build()) {
        reloaded.restore(net);
        assertClose(
            expected, Softmax.rows(net.logits(x, TEST.size()), TEST.size(), 4).values().data());
      }
      // and through DJL, as a model-store source
      try (Source again =
          loader.open(
              loader
                  .discover(
                      new SourceQuery(Modality.TABULAR, Optional.of(exported.toString()), Map.of()))
                  .get(0))) {
        assertClose(expected, again.probabilities(TEST).orElseThrow().values().data());
      }
    }
  }

  @Test
  void fineTuneTopKUnfreezesOnlyTheTopBlocks(@TempDir Path work) {
    TransferStrategy fineTune = new FineTuneStrategy(ENCODERS, DeviceConfig.cpu());
    Map<String, String> options = Map.of("top-k", "1", "head-epochs", "1", "batch-size", "8");
    TrainingBudget budget = new TrainingBudget(3, Duration.ofMinutes(5));
    TransferContext ctx =
        new TransferContext(
            source, TRAIN, Optional.of(TEST), Optional.empty(), budget, 3, options, work);
    try (AutoCloseableResult r = wrap(fineTune.transfer(ctx))) {
      assertTrue(r.notes().get(1).contains("top-k 1: [embed]"), r.notes().toString());
      assertTrue(!r.validationMetrics().isEmpty(), "validation metrics are reported");
    }
  }

  @Test
  void badOptionsAreReportedWithTheAllowedValues(@TempDir Path work) {
    TransferStrategy fineTune = new FineTuneStrategy(ENCODERS, DeviceConfig.cpu());
    ConfigException topK =
        assertThrows(
            ConfigException.class, () -> fineTune.transfer(context(Map.of("top-k", "zero"), work)));
    assertTrue(
        topK.getMessage().contains("top-k") && topK.getMessage().contains("'all'"),
        topK.getMessage());
    ConfigException unknown =
        assertThrows(
            ConfigException.class, () -> fineTune.transfer(context(Map.of("rate", "1"), work)));
    assertTrue(
        unknown.getMessage().contains("'rate'") && unknown.getMessage().contains("backbone-lr"),
        unknown.getMessage());
  }

  /** The circle target with real-valued targets: the point's angle as (cos, sin). */
  static Dataset<float[]> regression(Dataset<float[]> circle) {
    double[][] y = new double[circle.size()][];
    for (int i = 0; i < circle.size(); i++) {
      float[] x = circle.example(i);
      double angle = Math.atan2(x[1], x[0]);
      y[i] = new double[] {Math.cos(angle), Math.sin(angle)};
    }
    return Dataset.labelled(
        circle.info(),
        circle.examples(),
        new dev.graft.api.data.RegressionTargets(dev.graft.api.data.FeatureMatrix.of(y)));
  }

  @Test
  void fineTuneAndLinearProbeFitRealValuedTargets(@TempDir Path work) {
    Dataset<float[]> train = regression(Synthetic.circle("reg-train", 4, 4, 41));
    Dataset<float[]> test = regression(Synthetic.circle("reg-test", 20, 4, 42));
    for (TransferStrategy strategy :
        List.of(
            new FineTuneStrategy(ENCODERS, DeviceConfig.cpu()),
            new LinearProbeStrategy(ENCODERS, DeviceConfig.cpu()))) {
      TransferContext ctx =
          new TransferContext(
              source,
              train,
              Optional.of(test),
              Optional.empty(),
              new TrainingBudget(40, Duration.ofMinutes(5)),
              7,
              FAST,
              work);
      try (AutoCloseableResult r = wrap(strategy.transfer(ctx))) {
        var outputs = r.model().predict(test).outputs().orElseThrow();
        double[] truth =
            ((dev.graft.api.data.RegressionTargets) test.targets().orElseThrow()).values().data();
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < truth.length; i++) {
          sse += Math.pow(outputs.data()[i] - truth[i], 2);
          sst += truth[i] * truth[i];
        }
        double r2 = 1 - sse / sst;
        System.out.printf("%s regression R2 %.3f%n", strategy.id(), r2);
        assertTrue(r2 > 0.8, strategy.id() + " R2 " + r2);
        assertTrue(!r.validationMetrics().isEmpty(), "regression validation metrics");
        Path dir = work.resolve(strategy.id());
        r.model().export(dir);
        assertTrue(
            ModelManifest.readFrom(dir).labels().isEmpty(), "a regression model has no labels");
      }
    }
  }

  static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5, "row-major index " + i);
    }
  }

  /** A result that closes its model. */
  static AutoCloseableResult wrap(TransferResult r) {
    return new AutoCloseableResult(r);
  }

  record AutoCloseableResult(TransferResult result) implements AutoCloseable {
    dev.graft.api.transfer.TrainedModel model() {
      return result.model();
    }

    List<String> notes() {
      return result.notes();
    }

    List<dev.graft.api.evaluate.Metric> validationMetrics() {
      return result.validationMetrics();
    }

    @Override
    public void close() {
      result.model().close();
    }
  }
}
