package dev.graft.tensorflow.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.savedmodel.ModelDigests;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export, DJL reload, head replacement and re-export of a small CNN. */
class ExportRoundTripTest {

  static NetworkSpec cnn() {
    return NetworkSpec.builder()
        .optName("tiny-cnn")
        .setInputShape(6, 6, 1)
        .add(
            new LayerSpec.Conv2d(
                "conv", null, 4, List.of(3, 3), null, Padding.SAME, Activation.LINEAR, false))
        .add(new LayerSpec.BatchNorm("bn", null, 0.8, null))
        .add(new LayerSpec.ActivationLayer("relu", null, Activation.RELU))
        .maxPool("pool", 2)
        .flatten("flat")
        .dense("embed", 8, Activation.TANH)
        .dropout("drop", 0.3)
        .dense("classifier", 3, Activation.LINEAR)
        .optFeaturesLayer("embed")
        .build();
  }

  static float[][] data(int n, int classes, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n * 36];
    float[] y = new float[n * classes];
    for (int i = 0; i < n; i++) {
      int c = i % classes;
      for (int j = 0; j < 36; j++) {
        x[i * 36 + j] = (float) r.nextGaussian() * 0.3f + ((j % 6) == c ? 1f : 0f);
      }
      y[i * classes + c] = 1;
    }
    return new float[][] {x, y};
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5, what + "[" + i + "]");
    }
  }

  static float[] run(Path dir, String signature, String output, float[] x, int n) {
    try (SavedModelRunner runner = SavedModelRunner.builder(dir).signature(signature).open()) {
      Map<String, HostTensor> out = runner.run(Map.of("input", HostTensor.ofFloats(x, n, 6, 6, 1)));
      return out.get(output).toFloatArray();
    }
  }

  @Test
  void exportReloadReplaceHeadAndExportAgain(@TempDir Path dir) {
    float[][] d = data(24, 3, 1);
    float[] expectedOut;
    float[] expectedFeatures;
    Path first = dir.resolve("source");
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(cnn())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(0.01))
            .optSeed(4)
            .build()) {
      for (int i = 0; i < 15; i++) {
        m.trainStep(d[0], d[1], null, 24);
      }
      expectedOut = m.predict(d[0], 24);
      expectedFeatures = m.features(d[0], 24);
      ModelManifest manifest =
          NetworkExport.of(m)
              .labels(List.of("a", "b", "c"))
              .provenance(Map.of("dataset", "synthetic"))
              .exportTo(first);
      assertTrue(
          manifest
              .signatures()
              .keySet()
              .containsAll(List.of("serving_default", "features", "train_step")),
          manifest.signatures().keySet().toString());
      assertEquals(List.of("a", "b", "c"), manifest.labels());
      assertEquals("synthetic", manifest.provenance().get("dataset"));
    }
    assertClose(
        expectedOut, run(first, "serving_default", "outputs", d[0], 24), "reloaded outputs");
    assertClose(
        expectedFeatures, run(first, "features", "features", d[0], 24), "reloaded features");

    // the exported train_step keeps training the SavedModel itself (example_weights is optional)
    try (org.tensorflow.SavedModelBundle bundle =
            org.tensorflow.SavedModelBundle.load(first.toString(), "serve");
        org.tensorflow.types.TFloat32 x = FloatTensors.of(d[0], 24, 6, 6, 1);
        org.tensorflow.types.TFloat32 y = FloatTensors.of(d[1], 24, 3)) {
      float before;
      float after = 0;
      try (org.tensorflow.Result r =
          bundle.function("train_step").call(Map.of("input", x, "targets", y))) {
        before = ((org.tensorflow.types.TFloat32) r.get("loss").orElseThrow()).getFloat();
      }
      for (int i = 0; i < 10; i++) {
        try (org.tensorflow.Result r =
            bundle.function("train_step").call(Map.of("input", x, "targets", y))) {
          after = ((org.tensorflow.types.TFloat32) r.get("loss").orElseThrow()).getFloat();
        }
      }
      assertTrue(after < before, "train_step of the SavedModel: " + before + " -> " + after);
    }

    TrainedNetwork source = TrainedNetwork.load(first);
    assertEquals(cnn(), source.network());
    assertEquals(List.of("a", "b", "c"), source.labels());
    NetworkSpec replaced = source.network().withDenseHead("head", 2);
    float[][] d2 = data(24, 2, 2);
    Path second = dir.resolve("target");
    float[] headOut;
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(replaced)
            .setLoss(source.loss())
            .optOptimizer(OptimizerSpec.adam(0.05))
            .optFineTuning(FineTuning.onlyHead())
            .optSeed(5)
            .build()) {
      List<String> loaded = source.transferBackbone(m);
      assertTrue(
          loaded.containsAll(List.of("conv/kernel", "bn/moving_mean", "embed/kernel")),
          loaded.toString());
      assertClose(expectedFeatures, m.features(d[0], 24), "transferred features");
      Map<String, float[]> backbone = m.readWeights();
      float first0 = m.trainStep(d2[0], d2[1], null, 24);
      float last = first0;
      for (int i = 0; i < 30; i++) {
        last = m.trainStep(d2[0], d2[1], null, 24);
      }
      assertTrue(last < first0, first0 + " -> " + last);
      Map<String, float[]> after = m.readWeights();
      for (String k :
          List.of(
              "conv/kernel", "bn/gamma", "bn/moving_mean", "bn/moving_variance", "embed/kernel")) {
        assertArrayEquals(backbone.get(k), after.get(k), "frozen " + k);
      }
      headOut = m.predict(d2[0], 24);
      NetworkExport.of(m).labels(List.of("x", "y")).exportTo(second);
    }
    assertClose(
        headOut, run(second, "serving_default", "outputs", d2[0], 24), "re-exported outputs");
    assertEquals(replaced, TrainedNetwork.load(second).network());
  }

  @Test
  void extraInputSpecEntriesAreWrittenAndDigestsStillVerify(@TempDir Path dir) {
    Path target = dir.resolve("model");
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(cnn())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optSeed(7)
            .build()) {
      NetworkExport.of(m)
          .labels(List.of("a", "b", "c"))
          .inputSpec(
              Map.of(
                  "kind",
                  "image",
                  "modality",
                  "vision",
                  "preprocessing",
                  Map.of("scale", 255),
                  "dtype",
                  "uint8"))
          .exportTo(target);
    }
    ModelManifest manifest = ModelManifest.readFrom(target);
    assertTrue(manifest.inputSpec() instanceof Map<?, ?>, String.valueOf(manifest.inputSpec()));
    Map<?, ?> spec = (Map<?, ?>) manifest.inputSpec();
    assertEquals("image", spec.get("kind"));
    assertEquals("vision", spec.get("modality"));
    assertEquals(Map.of("scale", 255), spec.get("preprocessing"));
    assertEquals("float32", spec.get("dtype"), "the network's own entries take precedence");
    assertEquals("input", spec.get("name"));
    assertEquals(3, ((Number) spec.get("outputs")).intValue());
    ModelDigests.verify(target, manifest);
  }
}
