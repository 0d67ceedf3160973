package dev.graft.cli.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.GraftCli;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft model inspect|run} on TensorFlow Serving's half_plus_two SavedModel. */
class ModelCommandTest {

  /** The fixture lives in the tensorflow module's test resources (see its NOTICE). */
  private static final Path HALF_PLUS_TWO =
      Path.of(System.getProperty("basedir", "."))
          .resolve("../tensorflow/src/test/resources/savedmodel/half_plus_two")
          .normalize();

  @TempDir Path temp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GraftCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void inspectPrintsSignaturesInputsAndOutputs() {
    Result r = run("model", "inspect", HALF_PLUS_TWO.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("meta graph tags [serve]"), r.out());
    assertTrue(r.out().contains("signature serving_default (tensorflow/serving/predict)"), r.out());
    assertTrue(r.out().contains("input  x: DT_FLOAT [?, 1]"), r.out());
    assertTrue(r.out().contains("output y: DT_FLOAT [?, 1]"), r.out());

    Result json = run("model", "inspect", "--json", HALF_PLUS_TWO.toString());
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"serving_default\""), json.out());
    assertTrue(json.out().contains("\"dtype\" : \"DT_FLOAT\""), json.out());
  }

  @Test
  void runWritesOneNpyPerOutput() {
    Path x = temp.resolve("x.npy");
    Npy.write(x, HostTensor.ofFloats(new float[] {1, 2, 5}, 3, 1));
    Path out = temp.resolve("out");

    Result r =
        run(
            "model",
            "run",
            HALF_PLUS_TWO.toString(),
            "--signature",
            "serving_default",
            "--input",
            "x=" + x,
            "--output",
            out.toString());

    assertEquals(0, r.code(), r.err());
    HostTensor y = Npy.read(out.resolve("y.npy"));
    assertArrayEquals(new long[] {3, 1}, y.shape());
    assertArrayEquals(new float[] {2.5f, 3f, 4.5f}, y.toFloatArray(), 1e-6f);
  }

  @Test
  void errorsExitOneWithTheMessageAndNoStackTrace() {
    Path x = temp.resolve("x.npy");
    Npy.write(x, HostTensor.ofFloats(new float[] {1, 2, 5}, 3));

    Result shape =
        run(
            "model",
            "run",
            HALF_PLUS_TWO.toString(),
            "--input",
            "x=" + x,
            "--output",
            temp.resolve("o").toString());
    assertEquals(1, shape.code());
    assertTrue(shape.err().contains("GRAFT-MODEL-002"), shape.err());
    assertFalse(shape.err().contains("\tat "), shape.err());
    assertFalse(Files.exists(temp.resolve("o")));

    Result signature =
        run(
            "model",
            "run",
            HALF_PLUS_TWO.toString(),
            "-s",
            "nope",
            "--input",
            "x=" + x,
            "--output",
            temp.resolve("o").toString());
    assertEquals(1, signature.code());
    assertTrue(signature.err().contains("GRAFT-MODEL-003"), signature.err());

    Result missing = run("model", "inspect", temp.resolve("missing").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("GRAFT-MODEL-001"), missing.err());
  }

  @Test
  void missingArgumentsAreUsageErrors() {
    assertEquals(2, run("model", "run", HALF_PLUS_TWO.toString()).code());
    assertEquals(2, run("model").code());
  }
}
