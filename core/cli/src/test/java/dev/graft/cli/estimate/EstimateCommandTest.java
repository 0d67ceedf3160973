package dev.graft.cli.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.cli.GraftCli;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {

  @TempDir Path dir;
  private Path features;
  private Path labels;
  private Path probs;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GraftCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void writeInputs() throws IOException {
    int n = 90;
    int d = 4;
    Random rnd = new Random(1);
    float[] x = new float[n * d];
    StringBuilder y = new StringBuilder("label\n");
    StringBuilder p = new StringBuilder("p0,p1,p2\n");
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) ((j == c ? 3 : 0) + rnd.nextGaussian());
      }
      y.append(c).append('\n');
      double[] row = {0.1, 0.1, 0.1};
      row[c] = 0.8;
      p.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append('\n');
    }
    features = dir.resolve("features.npy");
    Npy.write(features, HostTensor.ofFloats(x, n, d));
    labels = dir.resolve("labels.csv");
    Files.writeString(labels, y);
    probs = dir.resolve("probs.csv");
    Files.writeString(probs, p);
  }

  @Test
  void printsATableOfScores() {
    Result r =
        run(
            "estimate",
            "--features",
            features.toString(),
            "--labels",
            labels.toString(),
            "--source-probs",
            probs.toString(),
            "--method",
            "logme,leep,nce,hscore");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("90 examples, 4 features, 3 classes"), r.out());
    for (String id : new String[] {"logme", "leep", "nce", "hscore"}) {
      assertTrue(r.out().matches("(?s).*\\n" + id + "\\s+-?\\d+\\.\\d+\\s+higher.*"), r.out());
    }
  }

  @Test
  void printsJson() throws IOException {
    Result r =
        run(
            "estimate",
            "--features",
            features.toString(),
            "--labels",
            labels.toString(),
            "--method",
            "logme,gbc",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(90, root.get("examples").asInt());
    assertEquals("logme", root.get("scores").get(0).get("estimator").asText());
    assertTrue(root.get("scores").get(1).get("score").isNumber());
  }

  @Test
  void defaultMethodsSkipThoseTheInputsCannotFeed() throws IOException {
    Result r =
        run("estimate", "--features", features.toString(), "--labels", labels.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertTrue(root.get("skipped").has("leep"), r.out());
    assertTrue(root.get("scores").size() >= 7, r.out());
  }

  @Test
  void graftErrorsExitOneWithTheMessage() throws IOException {
    Path shortLabels = dir.resolve("short.csv");
    Files.writeString(shortLabels, "0\n1\n");
    Result r =
        run("estimate", "--features", features.toString(), "--labels", shortLabels.toString());
    assertEquals(GraftCli.EXIT_ERROR, r.code());
    assertTrue(r.err().contains("GRAFT-DATA-002"), r.err());
    assertTrue(r.err().contains("short.csv"), r.err());

    Result unknown =
        run(
            "estimate",
            "--features",
            features.toString(),
            "--labels",
            labels.toString(),
            "--method",
            "logmee");
    assertEquals(GraftCli.EXIT_ERROR, unknown.code());
    assertTrue(unknown.err().contains("logmee"), unknown.err());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(GraftCli.EXIT_USAGE, run("estimate", "--features", features.toString()).code());
    assertEquals(GraftCli.EXIT_USAGE, run("estimate", "--labels", labels.toString()).code());
  }
}
