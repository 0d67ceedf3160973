package dev.graft.tensorflow.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.runtime.TensorFlowRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a TF Java graph, exports it, and reads it back through DJL. */
class SavedModelExporterTest {

  private static final int ROWS = 64;
  private static LinearRegressionGraph regression;
  private static float[][] features;
  private static float[][] targets;
  private static float firstLoss;
  private static float lastLoss;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    TensorFlowRuntime.start();
    Random random = new Random(7);
    features = new float[ROWS][2];
    targets = new float[ROWS][1];
    for (int i = 0; i < ROWS; i++) {
      features[i][0] = (float) random.nextGaussian();
      features[i][1] = (float) random.nextGaussian();
      targets[i][0] = 3f * features[i][0] - 2f * features[i][1] + 0.5f;
    }
    regression = new LinearRegressionGraph();
    firstLoss = regression.train(features, targets);
    for (int step = 0; step < 30; step++) {
      lastLoss = regression.train(features, targets);
    }
  }

  @AfterAll
  static void closeGraph() {
    regression.close();
  }

  private ModelManifest export(Path target) {
    return SavedModelExporter.of(regression.session)
        .signatures(regression.signatures())
        .inputSpec(Map.of("shape", List.of(-1, 2), "dtype", "float32"))
        .labels(List.of())
        .provenance(Map.of("seed", 7, "steps", 31))
        .exportTo(target);
  }

  private static float[] flat(float[][] rows) {
    float[] values = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, values, i * rows[i].length, rows[i].length);
    }
    return values;
  }

  @Test
  void lossFallsDuringTraining() {
    assertTrue(lastLoss < firstLoss / 10, "loss " + firstLoss + " -> " + lastLoss);
  }

  @Test
  void exportedModelReloadsThroughDjlWithTheSameOutputs() throws Exception {
    Path target = dir.resolve("regression");
    ModelManifest manifest = export(target);

    assertTrue(Files.isRegularFile(target.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(target.resolve(ModelManifest.FILE_NAME)));
    assertEquals(ModelManifest.FORMAT_VERSION, manifest.formatVersion());
    assertEquals(
        List.of("serving_default", "train_step"), List.copyOf(manifest.signatures().keySet()));
    assertTrue(manifest.files().containsKey("saved_model.pb"));
    assertTrue(manifest.files().keySet().stream().anyMatch(f -> f.startsWith("variables/")));
    assertEquals(
        ModelDigests.sha256(target.resolve("saved_model.pb")),
        manifest.files().get("saved_model.pb"));
    ModelManifest read = ModelManifest.readFrom(target);
    assertEquals(manifest.files(), read.files());
    assertEquals(7, ((Number) read.provenance().get("seed")).intValue());
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(target), siblings.toList(), "no staging folder left behind");
    }

    float[] inMemory = regression.predict(features);
    try (SavedModelRunner runner = SavedModelRunner.builder(target).open()) {
      HostTensor y = runner.run(Map.of("x", HostTensor.ofFloats(flat(features), ROWS, 2))).get("y");
      assertArrayEquals(new long[] {ROWS, 1}, y.shape());
      assertArrayEquals(inMemory, y.toFloatArray(), 1e-5f);
    }
  }

  @Test
  void reexportReplacesTheModelAndFailedExportKeepsIt() throws Exception {
    Path target = dir.resolve("model");
    export(target);
    ModelManifest second = export(target);
    assertEquals(second.files(), ModelManifest.readFrom(target).files());

    String before = ModelDigests.sha256(target.resolve("saved_model.pb"));
    assertThrows(
        IllegalStateException.class,
        () -> SavedModelExporter.of(regression.session).exportTo(target));
    assertEquals(before, ModelDigests.sha256(target.resolve("saved_model.pb")));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of(target), siblings.toList());
    }
  }

  @Test
  void tamperedFileFailsDigestCheckNamingTheFile() throws Exception {
    Path target = dir.resolve("tampered");
    ModelManifest manifest = export(target);
    Path data =
        manifest.files().keySet().stream()
            .filter(f -> f.startsWith("variables/variables.data"))
            .map(target::resolve)
            .findFirst()
            .orElseThrow();
    byte[] bytes = Files.readAllBytes(data);
    bytes[0] ^= 1;
    Files.write(data, bytes);

    GraftException e =
        assertThrows(GraftException.class, () -> SavedModelRunner.builder(target).open());
    assertEquals(GraftErrors.MODEL_INVALID, e.errorId());
    assertTrue(e.getMessage().contains(data.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains(manifest.files().get(target.relativize(data).toString())),
        e.getMessage());
    assertTrue(e.getMessage().contains(ModelDigests.sha256(data)), e.getMessage());

    Files.writeString(target.resolve("extra.txt"), "x");
    Files.write(data, bytesFlippedBack(bytes));
    GraftException extra =
        assertThrows(GraftException.class, () -> SavedModelRunner.builder(target).open());
    assertTrue(extra.getMessage().contains("extra.txt"), extra.getMessage());
    assertFalse(extra.getMessage().contains("SHA-256"), extra.getMessage());
  }

  private static byte[] bytesFlippedBack(byte[] bytes) {
    byte[] copy = bytes.clone();
    copy[0] ^= 1;
    return copy;
  }

  @Test
  void trainStepSignatureSurvivesExport() throws Exception {
    Path target = dir.resolve("trainable");
    export(target);
    SignatureInfo trainStep =
        SavedModelInspector.inspect(target).metaGraph(java.util.Set.of()).signature("train_step");
    assertEquals(List.of("x", "y"), trainStep.inputKeys());
    assertEquals(List.of("loss"), trainStep.outputKeys());
  }
}
