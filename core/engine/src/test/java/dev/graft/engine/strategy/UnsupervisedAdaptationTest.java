package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.strategy.NetworkStrategiesTest.AutoCloseableResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsupervised domain adaptation ({@code labels-per-class: 0}): the source learned the eight circle
 * clusters; the target is the same eight classes, rotated by 0.3 rad and stretched, so the source's
 * decision boundaries cut through the target's clusters. No target label is given to any strategy.
 */
class UnsupervisedAdaptationTest {

  @TempDir static Path store;
  static Source source;
  static final InputEncoders ENCODERS = InputEncoders.of(List.of(new VectorEncoder()));

  /** Labelled only so the test can score; strategies see it without labels. */
  static final Dataset<float[]> TARGET = shiftedCircle(40, 31);

  static Dataset<float[]> shiftedCircle(int perCluster, long seed) {
    Random rnd = new Random(seed);
    List<float[]> x = new ArrayList<>();
    int[] y = new int[perCluster * Synthetic.CLUSTERS];
    for (int i = 0; i < y.length; i++) {
      int cluster = i % Synthetic.CLUSTERS;
      double angle = 2 * Math.PI * cluster / Synthetic.CLUSTERS + 0.3;
      float[] p = new float[Synthetic.DIM];
      p[0] = (float) (3.6 * Math.cos(angle) + 0.45 * rnd.nextGaussian());
      p[1] = (float) (3.6 * Math.sin(angle) + 0.45 * rnd.nextGaussian());
      for (int j = 2; j < Synthetic.DIM; j++) {
        p[j] = (float) (0.5 * rnd.nextGaussian() + 0.3);
      }
      x.add(p);
      y[i] = cluster;
    }
    return Synthetic.data("rotated-circle", x, y, Synthetic.names(Synthetic.CLUSTERS));
  }

  @BeforeAll
  static void openSource() {
    SourceModels.exportCircleSource(store.resolve("circle"));
    ModelStoreLoader loader = new ModelStoreLoader(store, ENCODERS, DeviceConfig.cpu());
    source =
        loader.open(
            loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of())).get(0));
  }

  @AfterAll
  static void closeSource() {
    source.close();
  }

  static TransferContext unlabelled(
      Dataset<float[]> target, Map<String, String> options, Path work) {
    Dataset<float[]> pool = target.withoutLabelsKeepingClassNames();
    return new TransferContext(
        source,
        pool,
        Optional.empty(),
        Optional.of(pool),
        new TrainingBudget(40, Duration.ofMinutes(5)),
        7,
        options,
        work);
  }

  @Test
  void sourceOnlyPredictsWhatTheSourceModelPredicts(@TempDir Path work) {
    TransferStrategy sourceOnly = new SourceOnlyStrategy(ENCODERS, DeviceConfig.cpu());
    try (AutoCloseableResult r =
        new AutoCloseableResult(sourceOnly.transfer(unlabelled(TARGET, Map.of(), work)))) {
      double[] mine = r.model().predict(TARGET).probabilities().orElseThrow().values().data();
      double[] theirs = source.probabilities(TARGET).orElseThrow().values().data();
      assertEquals(theirs.length, mine.length);
      for (int i = 0; i < mine.length; i++) {
        assertEquals(theirs[i], mine[i], 1e-4, "probability " + i);
      }
      assertTrue(r.notes().get(0).contains("kept for 8 of its 8 classes"), r.notes().toString());
    }
  }

  @Test
  void sourceOnlyKeepsOnlyTheTargetClassesInTargetOrder(@TempDir Path work) {
    // a target of three of the source's classes, in another order
    int[] keep = {5, 0, 2};
    List<float[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < TARGET.size(); i++) {
      int c = TARGET.classLabels().get(i);
      for (int j = 0; j < keep.length; j++) {
        if (keep[j] == c) {
          x.add(TARGET.example(i));
          y.add(j);
        }
      }
    }
    Dataset<float[]> three =
        Dataset.labelled(
            TARGET.info(),
            x,
            ClassLabels.of(
                y.stream().mapToInt(Integer::intValue).toArray(), List.of("c5", "c0", "c2")));
    TransferStrategy sourceOnly = new SourceOnlyStrategy(ENCODERS, DeviceConfig.cpu());
    try (AutoCloseableResult r =
        new AutoCloseableResult(sourceOnly.transfer(unlabelled(three, Map.of(), work)))) {
      double[] mine = r.model().predict(three).probabilities().orElseThrow().values().data();
      double[] all = source.probabilities(three).orElseThrow().values().data();
      for (int i = 0; i < three.size(); i++) {
        double sum = 0;
        for (int k : keep) {
          sum += all[i * 8 + k];
        }
        for (int j = 0; j < keep.length; j++) {
          assertEquals(all[i * 8 + keep[j]] / sum, mine[i * 3 + j], 1e-4, "row " + i);
        }
      }
    }
  }

  @Test
  void aTargetClassTheSourceDoesNotKnowIsNamed(@TempDir Path work) {
    Dataset<float[]> renamed =
        Dataset.labelled(
            TARGET.info(),
            TARGET.examples(),
            ClassLabels.of(
                TARGET.classLabels().values(),
                List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "seven")));
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                new SourceOnlyStrategy(ENCODERS, DeviceConfig.cpu())
                    .transfer(unlabelled(renamed, Map.of(), work)));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, e.errorId());
    assertTrue(e.getMessage().contains("[seven]"), e.getMessage());
  }

  @Test
  void classBalancedSelfTrainingBeatsSourceOnlyWithoutAnyLabel(@TempDir Path work) {
    TransferStrategy sourceOnly = new SourceOnlyStrategy(ENCODERS, DeviceConfig.cpu());
    TransferStrategy selfTraining = new NetworkSelfTrainingStrategy(ENCODERS, DeviceConfig.cpu());
    Map<String, String> options = Map.of("lr", "0.005", "batch-size", "16", "augment", "false");
    try (AutoCloseableResult base =
            new AutoCloseableResult(sourceOnly.transfer(unlabelled(TARGET, Map.of(), work)));
        AutoCloseableResult a =
            new AutoCloseableResult(selfTraining.transfer(unlabelled(TARGET, options, work)));
        AutoCloseableResult b =
            new AutoCloseableResult(selfTraining.transfer(unlabelled(TARGET, options, work)))) {
      double baseline = Accuracy.of(base.model(), TARGET);
      double adapted = Accuracy.of(a.model(), TARGET);
      System.out.printf("k=0: source-only %.3f, self-training-network %.3f%n", baseline, adapted);
      assertTrue(baseline < 0.9, "the shift must hurt the source: " + baseline);
      assertTrue(adapted >= baseline + 0.05, "adapted " + adapted + " vs source-only " + baseline);
      assertArrayEquals(
          a.model().predict(TARGET).probabilities().orElseThrow().values().data(),
          b.model().predict(TARGET).probabilities().orElseThrow().values().data(),
          "same seed, same model");
      assertEquals(4, a.notes().size(), a.notes().toString());
      assertTrue(a.notes().get(1).startsWith("round 1: "), a.notes().toString());
      assertTrue(
          a.notes().get(1).contains("top 30% of each predicted class"), a.notes().toString());
    }
  }

  @Test
  void selectionTakesTheSameFractionOfEveryPredictedClass() {
    double[] p = {
      0.9, 0.1, //
      0.6, 0.4, //
      0.8, 0.2, //
      0.3, 0.7, //
      0.7, 0.3
    };
    var matrix =
        new dev.graft.api.data.ProbabilityMatrix(dev.graft.api.data.FeatureMatrix.wrap(5, 2, p));
    int[][] chosen = NetworkSelfTrainingStrategy.mostConfidentPerClass(matrix, 0.5);
    // class 0 is predicted for rows 0, 1, 2, 4 -> its top half: rows 0 and 2; class 1: row 3
    assertArrayEquals(new int[] {0, 2, 3}, chosen[0]);
    assertArrayEquals(new int[] {0, 0, 1}, chosen[1]);
    assertArrayEquals(new int[] {2, 1}, chosen[2]);
  }

  @Test
  void endFractionBelowStartFractionIsRejected(@TempDir Path work) {
    var e =
        assertThrows(
            dev.graft.api.error.ConfigException.class,
            () ->
                new NetworkSelfTrainingStrategy(ENCODERS, DeviceConfig.cpu())
                    .transfer(
                        unlabelled(
                            TARGET, Map.of("start-fraction", "0.6", "end-fraction", "0.4"), work)));
    assertTrue(e.getMessage().contains("end-fraction"), e.getMessage());
  }
}
