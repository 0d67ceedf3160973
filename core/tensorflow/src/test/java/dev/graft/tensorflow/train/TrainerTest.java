package dev.graft.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  static ArrayDataset blobs(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(3);
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) (r.nextGaussian() + (j == labels[i] ? 2.5 : 0));
      }
    }
    return ArrayDataset.ofClasses(x, 4, labels, 3);
  }

  static NetworkSpec net() {
    return NetworkSpec.builder()
        .setInputShape(4)
        .dense("h", 16, Activation.RELU)
        .dropout("drop", 0.2)
        .add(new LayerSpec.BatchNorm("bn", null, 0.9, null))
        .dense("out", 3, Activation.LINEAR)
        .build();
  }

  static GraphModel model(long seed) {
    return GraphModel.builder()
        .setNetwork(net())
        .setLoss(LossSpec.softmaxCrossEntropy())
        .optOptimizer(OptimizerSpec.adam(0.01))
        .optSeed(seed)
        .optThreads(2, 1)
        .build();
  }

  @Test
  void trainsValidatesAndCallsListeners() {
    ArrayDataset train = blobs(200, 1);
    ArrayDataset val = blobs(60, 2);
    List<StepEvent> steps = new ArrayList<>();
    List<EpochSummary> epochs = new ArrayList<>();
    int[] starts = new int[1];
    try (GraphModel m = model(3)) {
      TrainingResult res =
          Trainer.builder()
              .setModel(m)
              .setConfig(TrainerConfig.of(4, 32, 7))
              .optListener(new LoggingListener(5))
              .optListener(
                  new TrainingListener() {
                    @Override
                    public void onTrainingStart(int startEpoch, TrainerConfig config) {
                      starts[0]++;
                    }

                    @Override
                    public void onStep(StepEvent e) {
                      steps.add(e);
                    }

                    @Override
                    public void onEpochEnd(EpochSummary s) {
                      epochs.add(s);
                    }
                  })
              .build()
              .fit(train, val);
      assertEquals(1, starts[0]);
      assertEquals(4 * 7, steps.size());
      assertEquals(28, res.globalStep());
      assertEquals(4, epochs.size());
      assertEquals(8, steps.get(6).batchSize(), "200 = 6 x 32 + 8");
      assertTrue(steps.stream().allMatch(s -> s.nanos() > 0));
      assertTrue(
          res.last().validation().accuracy() > 0.85, "val accuracy " + res.last().validation());
      assertTrue(res.last().trainLoss() < res.history().get(0).trainLoss());
      Evaluation ev = Evaluator.evaluate(m, val, 16);
      assertEquals(res.last().validation().loss(), ev.loss(), 1e-5);
      assertEquals(60, ev.count());
    }
  }

  @Test
  void fixedSeedsAreDeterministic() {
    ArrayDataset train = blobs(100, 1);
    Map<String, float[]> a;
    Map<String, float[]> b;
    try (GraphModel m = model(3)) {
      Trainer.builder().setModel(m).setConfig(TrainerConfig.of(3, 16, 5)).build().fit(train, null);
      a = m.readState();
    }
    try (GraphModel m = model(3)) {
      Trainer.builder().setModel(m).setConfig(TrainerConfig.of(3, 16, 5)).build().fit(train, null);
      b = m.readState();
    }
    assertEquals(a.keySet(), b.keySet());
    a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    try (GraphModel m = model(3)) {
      Trainer.builder().setModel(m).setConfig(TrainerConfig.of(3, 16, 6)).build().fit(train, null);
      assertTrue(
          !java.util.Arrays.equals(a.get("h/kernel"), m.readState().get("h/kernel")),
          "another shuffle seed gives other weights");
    }
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestEpoch() {
    ArrayDataset train = blobs(60, 1);
    ArrayDataset val = blobs(30, 9);
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(net())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(0.3))
            .optSeed(1)
            .build()) {
      List<Map<String, float[]>> perEpoch = new ArrayList<>();
      TrainingResult res =
          Trainer.builder()
              .setModel(m)
              .setConfig(
                  TrainerConfig.of(40, 8, 1)
                      .withEarlyStopping(
                          new EarlyStopping(EarlyStopping.Metric.VAL_LOSS, 2, 0, true)))
              .optListener(
                  new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochSummary s) {
                      perEpoch.add(m.readWeights());
                    }
                  })
              .build()
              .fit(train, val);
      assertTrue(res.stoppedEarly(), "40 epochs at lr 0.3 should overfit: " + res.history().size());
      assertEquals(res.bestEpoch() + 3, res.history().size());
      double best =
          res.history().stream().mapToDouble(s -> s.validation().loss()).min().orElseThrow();
      assertEquals(best, res.history().get(res.bestEpoch()).validation().loss());
      assertArrayEquals(
          perEpoch.get(res.bestEpoch()).get("out/kernel"), m.readWeights().get("out/kernel"));
    }
    assertThrows(
        ConfigException.class,
        () -> {
          try (GraphModel m = model(1)) {
            Trainer.builder()
                .setModel(m)
                .setConfig(
                    TrainerConfig.of(2, 8, 1)
                        .withEarlyStopping(
                            new EarlyStopping(EarlyStopping.Metric.VAL_ACCURACY, 1, 0, false)))
                .build()
                .fit(blobs(20, 1), null);
          }
        });
  }

  @Test
  void nanLossIsReportedAsDivergence() {
    float[] x = new float[40];
    x[5] = Float.NaN;
    ArrayDataset d = ArrayDataset.ofClasses(x, 4, new int[10], 3);
    try (GraphModel m = model(1)) {
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  Trainer.builder()
                      .setModel(m)
                      .setConfig(new TrainerConfig(1, 4, 0, false, 4, null, null, 0, false))
                      .build()
                      .fit(d, null));
      assertEquals(GraftErrors.TRAINING_DIVERGED, e.errorId());
      assertTrue(e.getMessage().contains("epoch 0, batch 0"), e.getMessage());
    }
  }

  @Test
  void resumedRunEndsWithTheSameWeights(@TempDir Path dir) throws Exception {
    ArrayDataset train = blobs(100, 1);
    ArrayDataset val = blobs(30, 2);
    TrainerConfig plain = TrainerConfig.of(4, 16, 3);
    Map<String, float[]> reference;
    TrainingResult refResult;
    try (GraphModel m = model(3)) {
      refResult = Trainer.builder().setModel(m).setConfig(plain).build().fit(train, val);
      reference = m.readState();
    }
    TrainerConfig cp = plain.withCheckpoints(dir, 5);
    try (GraphModel m = model(3)) {
      Trainer t =
          Trainer.builder()
              .setModel(m)
              .setConfig(cp)
              .optListener(
                  new TrainingListener() {
                    @Override
                    public void onStep(StepEvent e) {
                      if (e.globalStep() == 17) {
                        throw new IllegalStateException("simulated crash");
                      }
                    }
                  })
              .build();
      assertThrows(IllegalStateException.class, () -> t.fit(train, val));
    }
    assertTrue(Files.exists(dir.resolve(CheckpointStore.FILE_NAME)));
    assertTrue(!Files.exists(dir.resolve(CheckpointStore.FILE_NAME + ".tmp")));
    try (java.util.stream.Stream<Path> left = Files.list(dir)) {
      assertEquals(
          List.of(CheckpointStore.FILE_NAME),
          left.map(p -> p.getFileName().toString()).toList(),
          "no temporary checkpoint file is left behind");
    }
    try (GraphModel m = model(3)) {
      TrainingResult res = Trainer.builder().setModel(m).setConfig(cp).build().fit(train, val);
      assertEquals(15, res.resumedAtStep());
      Map<String, float[]> resumed = m.readState();
      reference.forEach((k, v) -> assertArrayEquals(v, resumed.get(k), k));
      assertEquals(refResult.history().size(), res.history().size());
      for (int i = 0; i < res.history().size(); i++) {
        assertEquals(
            refResult.history().get(i).trainLoss(), res.history().get(i).trainLoss(), 1e-12);
        assertEquals(refResult.history().get(i).validation(), res.history().get(i).validation());
      }
    }
    // a finished run resumes to "nothing left to do"
    try (GraphModel m = model(3)) {
      TrainingResult again = Trainer.builder().setModel(m).setConfig(cp).build().fit(train, val);
      assertEquals(refResult.globalStep(), again.globalStep());
      reference.forEach((k, v) -> assertArrayEquals(v, m.readState().get(k), k));
    }
  }

  @Test
  void corruptCheckpointIsRejected(@TempDir Path dir) throws Exception {
    Files.write(
        dir.resolve(CheckpointStore.FILE_NAME),
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
    GraftException e = assertThrows(GraftException.class, () -> new CheckpointStore(dir).read());
    assertEquals(GraftErrors.MODEL_INVALID, e.errorId());
    assertTrue(e.getMessage().contains(CheckpointStore.FILE_NAME), e.getMessage());
  }

  @Test
  void streamingDatasetTrainsAndShufflesDeterministically() {
    ArrayDataset source = blobs(120, 4);
    List<Example> all = new ArrayList<>();
    try (BatchIterator it = source.batches(1, false, 0)) {
      it.forEachRemaining(b -> all.add(Example.of(b.features(), b.targets())));
    }
    StreamingDataset stream = StreamingDataset.of(all::iterator, 4, 3, 32);
    assertEquals(-1, stream.size());
    List<float[]> first = firstBatch(stream, 11);
    assertArrayEquals(first.get(0), firstBatch(stream, 11).get(0));
    assertTrue(!java.util.Arrays.equals(first.get(0), firstBatch(stream, 12).get(0)));
    try (GraphModel m = model(2)) {
      TrainingResult r =
          Trainer.builder()
              .setModel(m)
              .setConfig(TrainerConfig.of(5, 16, 1))
              .build()
              .fit(stream, source);
      assertTrue(r.last().validation().accuracy() > 0.85, r.last().toString());
    }
  }

  @Test
  void exampleWeightsReachTheLoss() {
    ArrayDataset d = blobs(40, 5);
    float[] zeros = new float[40];
    try (GraphModel m = model(1)) {
      Map<String, float[]> before = m.readWeights();
      Trainer.builder()
          .setModel(m)
          .setConfig(new TrainerConfig(1, 8, 0, true, 8, null, null, 0, false))
          .build()
          .fit(d.withWeights(zeros), null);
      // zero weights: zero loss gradient, Adam moves nothing (batch-norm statistics still update)
      assertArrayEquals(before.get("out/kernel"), m.readWeights().get("out/kernel"));
    }
    assertThrows(GraftException.class, () -> d.withWeights(new float[] {Float.NaN}));
  }

  private static List<float[]> firstBatch(StreamingDataset s, long seed) {
    try (BatchIterator it = s.batches(8, true, seed)) {
      Iterator<Batch> i = it;
      return List.of(i.next().features());
    }
  }
}
