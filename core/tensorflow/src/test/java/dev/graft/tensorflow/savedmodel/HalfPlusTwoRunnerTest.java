package dev.graft.tensorflow.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.HostTensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs TensorFlow Serving's half_plus_two (exported by Python TensorFlow) through DJL. */
class HalfPlusTwoRunnerTest {

  @TempDir static Path dir;
  private static Path model;
  private static SavedModelRunner runner;

  @BeforeAll
  static void open() throws Exception {
    model = Fixtures.halfPlusTwo(dir);
    runner = SavedModelRunner.builder(model).signature("serving_default").open();
  }

  @AfterAll
  static void close() {
    runner.close();
  }

  @Test
  void computesHalfPlusTwo() {
    Map<String, HostTensor> out =
        runner.run(Map.of("x", HostTensor.ofFloats(new float[] {1, 2, 5}, 3, 1)));

    assertEquals(java.util.List.of("y"), java.util.List.copyOf(out.keySet()));
    assertArrayEquals(new long[] {3, 1}, out.get("y").shape());
    assertArrayEquals(new float[] {2.5f, 3f, 4.5f}, out.get("y").toFloatArray(), 1e-6f);
    assertEquals("cpu", runner.deviceLabel());
  }

  @Test
  void batchedRunsConcatenateToTheSameResult() {
    float[] x = new float[10];
    float[] expected = new float[10];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      expected[i] = i / 2f + 2f;
    }
    HostTensor y = runner.runBatched(Map.of("x", HostTensor.ofFloats(x, 10, 1)), 3).get("y");
    assertArrayEquals(new long[] {10, 1}, y.shape());
    assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
  }

  @Test
  void wrongShapeOrDtypeNamesTheTensor() {
    GraftException shape =
        assertThrows(
            GraftException.class,
            () -> runner.run(Map.of("x", HostTensor.ofFloats(new float[] {1, 2, 5}, 3))));
    assertEquals(GraftErrors.TENSOR_MISMATCH, shape.errorId());
    assertTrue(shape.getMessage().contains("input 'x'"), shape.getMessage());
    assertTrue(shape.getMessage().contains("float32 with shape [?, 1]"), shape.getMessage());
    assertTrue(shape.getMessage().contains("float32[3]"), shape.getMessage());

    GraftException dtype =
        assertThrows(
            GraftException.class,
            () -> runner.run(Map.of("x", HostTensor.ofInts(new int[] {1}, 1, 1))));
    assertEquals(GraftErrors.TENSOR_MISMATCH, dtype.errorId());
    assertTrue(dtype.getMessage().contains("int32[1, 1]"), dtype.getMessage());

    GraftException unknown =
        assertThrows(
            GraftException.class,
            () -> runner.run(Map.of("x2", HostTensor.ofFloats(new float[] {1}, 1, 1))));
    assertTrue(unknown.getMessage().contains("[x2]"), unknown.getMessage());
  }

  @Test
  void unknownSignatureFailsBeforeLoading() {
    GraftException e =
        assertThrows(
            GraftException.class, () -> SavedModelRunner.builder(model).signature("nope").open());
    assertEquals(GraftErrors.SIGNATURE_NOT_FOUND, e.errorId());
    assertTrue(e.getMessage().contains("regress_x_to_y"), e.getMessage());
  }

  @Test
  void stringInputsAreRejectedClearly() {
    try (SavedModelRunner classify =
        SavedModelRunner.builder(model).signature("classify_x_to_y").open()) {
      GraftException e =
          assertThrows(
              GraftException.class,
              () -> classify.run(Map.of("inputs", HostTensor.ofFloats(new float[] {1}, 1))));
      assertTrue(e.getMessage().contains("DT_STRING"), e.getMessage());
    }
  }

  @Test
  void missingGpuIsADeviceError() {
    GraftException e =
        assertThrows(
            GraftException.class,
            () -> SavedModelRunner.builder(model).device(DeviceConfig.gpu(7)).open());
    assertEquals(GraftErrors.DEVICE_UNAVAILABLE, e.errorId());
  }
}
