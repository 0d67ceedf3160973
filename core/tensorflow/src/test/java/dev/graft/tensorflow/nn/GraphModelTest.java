package dev.graft.tensorflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphModelTest {

  /** Three Gaussian blobs in 4-D. */
  static float[][] blobs(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 4];
    float[] y = new float[n * 3];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) (r.nextGaussian() * 0.5 + (j == c ? 2 : 0));
      }
      y[i * 3 + c] = 1;
    }
    return new float[][] {x, y};
  }

  static NetworkSpec mlp() {
    return NetworkSpec.builder()
        .setInputShape(4)
        .dense("h", 16, Activation.RELU)
        .dense("out", 3, Activation.LINEAR)
        .build();
  }

  static double accuracy(float[] p, float[] y, int n, int k) {
    int ok = 0;
    for (int i = 0; i < n; i++) {
      int a = 0;
      int b = 0;
      for (int j = 1; j < k; j++) {
        a = p[i * k + j] > p[i * k + a] ? j : a;
        b = y[i * k + j] > y[i * k + b] ? j : b;
      }
      ok += a == b ? 1 : 0;
    }
    return (double) ok / n;
  }

  @Test
  void adamAndSgdLearnBlobs() {
    float[][] d = blobs(90, 1);
    for (OptimizerSpec opt :
        List.of(
            OptimizerSpec.adam(0.05),
            OptimizerSpec.sgd(0.2, 0.9),
            OptimizerSpec.sgd(0.2, 0.9).withNesterov(true),
            OptimizerSpec.adamW(0.05, 0.01),
            OptimizerSpec.adam(0.05).withClipping(1.0, 0.5).withL2(1e-4))) {
      try (GraphModel m =
          GraphModel.builder()
              .setNetwork(mlp())
              .setLoss(LossSpec.softmaxCrossEntropy())
              .optOptimizer(opt)
              .optSeed(5)
              .build()) {
        float first = m.trainStep(d[0], d[1], null, 90);
        float last = first;
        for (int i = 0; i < 60; i++) {
          last = m.trainStep(d[0], d[1], null, 90);
        }
        assertTrue(last < first * 0.5, opt.kind() + ": loss " + first + " -> " + last);
        float[] p = m.predict(d[0], 90);
        assertEquals(270, p.length);
        assertTrue(accuracy(p, d[1], 90, 3) > 0.9, opt.kind().toString());
        assertEquals(61, m.globalStep());
        float sum = p[0] + p[1] + p[2];
        assertEquals(1f, sum, 1e-5);
      }
    }
  }

  @Test
  void sameSeedGivesSameInitialWeightsAndUpdates() {
    float[][] d = blobs(30, 2);
    try (GraphModel a =
            GraphModel.builder()
                .setNetwork(mlp())
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optSeed(9)
                .build();
        GraphModel b =
            GraphModel.builder()
                .setNetwork(mlp())
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optSeed(9)
                .build();
        GraphModel c =
            GraphModel.builder()
                .setNetwork(mlp())
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optSeed(10)
                .build()) {
      assertArrayEquals(a.readWeights().get("h/kernel"), b.readWeights().get("h/kernel"));
      assertFalse(
          java.util.Arrays.equals(
              a.readWeights().get("h/kernel"), c.readWeights().get("h/kernel")));
      for (int i = 0; i < 5; i++) {
        assertEquals(a.trainStep(d[0], d[1], null, 30), b.trainStep(d[0], d[1], null, 30));
      }
      assertArrayEquals(a.readState().get("out/kernel"), b.readState().get("out/kernel"));
    }
  }

  @Test
  void frozenLayersAndZeroMultipliersDoNotMove() {
    float[][] d = blobs(30, 3);
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(mlp())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optFineTuning(FineTuning.onlyHead())
            .optSeed(1)
            .build()) {
      float[] before = m.readWeights().get("h/kernel");
      float[] headBefore = m.readWeights().get("out/kernel");
      m.trainStep(d[0], d[1], null, 30);
      assertArrayEquals(before, m.readWeights().get("h/kernel"));
      assertFalse(java.util.Arrays.equals(headBefore, m.readWeights().get("out/kernel")));
      assertEquals(java.util.Set.of("out"), m.trainableLayers());
      assertEquals(2, m.trainedParameters().size());
    }
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(mlp())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.sgd(0.1, 0))
            .optFineTuning(FineTuning.all().withRateMultipliers(Map.of("h", 0.0, "out", 2.0)))
            .optSeed(1)
            .build()) {
      float[] before = m.readWeights().get("h/kernel");
      float[] out = m.readWeights().get("out/bias");
      Map<String, float[]> g = m.gradients(d[0], d[1], null, 30);
      m.trainStep(d[0], d[1], null, 30);
      assertArrayEquals(before, m.readWeights().get("h/kernel"));
      float[] after = m.readWeights().get("out/bias");
      for (int i = 0; i < out.length; i++) {
        assertEquals(out[i] - 0.2f * g.get("out/bias")[i], after[i], 1e-6);
      }
    }
    assertThrows(
        ConfigException.class,
        () ->
            GraphModel.builder()
                .setNetwork(mlp())
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optFineTuning(FineTuning.layers("nope"))
                .build());
  }

  @Test
  void batchNormUsesBatchStatisticsInTrainingAndMovingStatisticsInInference() {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(2)
            .add(new LayerSpec.BatchNorm("bn", null, 0.5, 1e-3))
            .dense("out", 2, Activation.LINEAR)
            .build();
    float[] x = {10, 20, 14, 28, 12, 24, 16, 32};
    float[] y = {1, 0, 0, 1, 1, 0, 0, 1};
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(spec)
            .setLoss(LossSpec.mse())
            .optOptimizer(OptimizerSpec.sgd(1e-9, 0))
            .build()) {
      // inference before training: moving mean 0, variance 1 -> features ~ x
      float[] f0 = m.features(x, 4);
      assertEquals(10f / (float) Math.sqrt(1 + 1e-3), f0[0], 1e-3);
      m.trainStep(x, y, null, 4);
      Map<String, float[]> w = m.readWeights();
      // batch mean of column 0 = 13, variance = 5; moving = 0.5 * old + 0.5 * batch
      assertEquals(6.5f, w.get("bn/moving_mean")[0], 1e-4);
      assertEquals(0.5f + 2.5f, w.get("bn/moving_variance")[0], 1e-4);
      float[] f1 = m.features(x, 4);
      assertEquals((10 - 6.5f) / (float) Math.sqrt(3 + 1e-3), f1[0], 1e-3);
    }
  }

  @Test
  void dropoutIsIdentityAtInference() {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(4)
            .dense("h", 32, Activation.RELU)
            .dropout("drop", 0.5)
            .dense("out", 3, Activation.LINEAR)
            .build();
    float[][] d = blobs(12, 4);
    try (GraphModel m =
        GraphModel.builder().setNetwork(spec).setLoss(LossSpec.softmaxCrossEntropy()).build()) {
      assertArrayEquals(m.predict(d[0], 12), m.predict(d[0], 12));
      float l1 = m.loss(d[0], d[1], null, 12);
      assertEquals(l1, m.loss(d[0], d[1], null, 12), "same step, same mask");
      float[][] ev = m.evaluate(d[0], d[1], null, 12);
      double evalMean = 0;
      for (float v : ev[1]) {
        evalMean += v / 12;
      }
      assertNotEquals(l1, (float) evalMean, 1e-6f, "training loss uses a dropout mask");
    }
  }

  @Test
  void exampleWeightsScaleTheLoss() {
    float[][] d = blobs(6, 5);
    try (GraphModel m =
        GraphModel.builder().setNetwork(mlp()).setLoss(LossSpec.softmaxCrossEntropy()).build()) {
      float plain = m.loss(d[0], d[1], null, 6);
      assertEquals(plain, m.loss(d[0], d[1], new float[] {1, 1, 1, 1, 1, 1}, 6), 1e-6);
      assertEquals(2 * plain, m.loss(d[0], d[1], new float[] {2, 2, 2, 2, 2, 2}, 6), 1e-5);
      assertEquals(0f, m.loss(d[0], d[1], new float[6], 6), 1e-9);
    }
  }

  @Test
  void scheduleInGraphMatchesJava() {
    ScheduleSpec cos = ScheduleSpec.cosine(0.1, 3, 10, 0.001);
    ScheduleSpec step = ScheduleSpec.step(0.1, 2, 0.5);
    for (ScheduleSpec s : List.of(cos, step)) {
      float[][] d = blobs(6, 6);
      try (GraphModel m =
          GraphModel.builder()
              .setNetwork(mlp())
              .setLoss(LossSpec.softmaxCrossEntropy())
              .optOptimizer(OptimizerSpec.sgd(0.1, 0).withSchedule(s))
              .build()) {
        for (int i = 0; i < 12; i++) {
          assertEquals(s.rateAt(i), m.learningRate(), 1e-6, s.kind() + " step " + i);
          m.trainStep(d[0], d[1], null, 6);
        }
      }
    }
    assertEquals(0.1 / 3, cos.rateAt(0), 1e-12);
    assertEquals(0.001, cos.rateAt(10), 1e-12);
    assertEquals(0.025, step.rateAt(4), 1e-12);
  }

  @Test
  void weightTransferChecksShapesAndNames() {
    try (GraphModel a =
            GraphModel.builder()
                .setNetwork(mlp())
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optSeed(1)
                .build();
        GraphModel b =
            GraphModel.builder()
                .setNetwork(mlp().withDenseHead("head", 5))
                .setLoss(LossSpec.softmaxCrossEntropy())
                .optSeed(2)
                .build()) {
      List<String> loaded =
          b.loadWeights(a.readWeights(), l -> a.network().backboneLayers().contains(l));
      assertEquals(List.of("h/kernel", "h/bias"), loaded);
      assertArrayEquals(a.readWeights().get("h/kernel"), b.readWeights().get("h/kernel"));
      assertEquals(5, b.outputWidth());
      GraftException e =
          assertThrows(GraftException.class, () -> b.writeState(Map.of("h/kernel", new float[3])));
      assertEquals(GraftErrors.TENSOR_MISMATCH, e.errorId());
      assertTrue(
          e.getMessage().contains("h/kernel") && e.getMessage().contains("[4, 16]"),
          e.getMessage());
      GraftException in = assertThrows(GraftException.class, () -> a.predict(new float[7], 2));
      assertEquals(GraftErrors.TENSOR_MISMATCH, in.errorId());
    }
  }

  @Test
  void adamWDecaysKernelsOnlyAndClipNormBoundsTheUpdate() {
    float[][] d = blobs(12, 9);
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(mlp())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adamW(0.1, 0.5))
            .build()) {
      Map<String, float[]> before = m.readWeights();
      m.trainStep(d[0], d[1], new float[12], 12); // zero weights: zero gradient, only decay acts
      Map<String, float[]> after = m.readWeights();
      for (int i = 0; i < before.get("h/kernel").length; i++) {
        assertEquals(before.get("h/kernel")[i] * 0.95f, after.get("h/kernel")[i], 1e-6);
      }
      assertArrayEquals(before.get("h/bias"), after.get("h/bias"));
    }
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(mlp())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.sgd(1.0, 0).withClipping(0.01, 0))
            .build()) {
      Map<String, float[]> before = m.readWeights();
      m.trainStep(d[0], d[1], null, 12);
      Map<String, float[]> after = m.readWeights();
      double sq = 0;
      for (String k : before.keySet()) {
        for (int i = 0; i < before.get(k).length; i++) {
          double delta = after.get(k)[i] - before.get(k)[i];
          sq += delta * delta;
        }
      }
      assertEquals(0.01, Math.sqrt(sq), 1e-4, "update norm = lr x clipNorm");
    }
  }

  @Test
  void deviceConfigSetsThreadsAndProvenanceLabel() {
    float[][] d = blobs(12, 8);
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(mlp())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optDevice(dev.graft.api.config.DeviceConfig.cpu().withThreads(1, 1))
            .build()) {
      assertEquals("cpu", m.deviceLabel());
      assertTrue(Float.isFinite(m.trainStep(d[0], d[1], null, 12)));
    }
  }

  @Test
  void badOutputShapeIsReported() {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(4, 4, 1)
            .conv2d("c", 2, 3, Activation.RELU)
            .conv2d("c2", 2, 3, Activation.LINEAR)
            .build();
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> GraphModel.builder().setNetwork(spec).setLoss(LossSpec.mse()).build());
    assertEquals(GraftErrors.TENSOR_MISMATCH, e.errorId());
    assertTrue(e.getMessage().contains("'c2'"), e.getMessage());
    NetworkSpec bad =
        NetworkSpec.builder()
            .setInputShape(4)
            .conv2d("c", 2, 3, Activation.RELU)
            .dense("o", 2, Activation.LINEAR)
            .build();
    ConfigException e2 =
        assertThrows(
            ConfigException.class,
            () -> GraphModel.builder().setNetwork(bad).setLoss(LossSpec.mse()).build());
    assertTrue(e2.getMessage().contains("layer 'c'"), e2.getMessage());
  }
}
