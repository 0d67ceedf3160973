package dev.graft.examples.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example for real: the vision plugin jar from the build in a plugins folder, the UCI
 * digits it ships, a source pretrained through the plugin's command, a job ranked and run, and the
 * exported model served from four threads.
 */
class EmbeddingHostTest {

  @TempDir Path work;

  @Test
  void embedsGraftEndToEnd() throws Exception {
    Path plugins = Path.of(System.getProperty("graft.test.plugins"));
    Path jar;
    try (var files = Files.list(plugins)) {
      jar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    Path digits = work.resolve("digits.csv.gz");
    try (ZipFile zip = new ZipFile(jar.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("dev/graft/vision/data/digits.csv.gz"))) {
      Files.copy(in, digits);
    }

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EmbeddingHost.Summary s;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      s = EmbeddingHost.run(plugins, work, digits, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    System.out.println(printed);

    assertEquals(List.of("store:glyphs-digits"), s.ranking(), printed);
    assertTrue(printed.contains("rank 1: store:glyphs-digits"), printed);
    assertTrue(printed.contains("winner: "), printed);
    assertEquals(1797, s.predicted(), "every UCI digit served");
    assertTrue(s.threadsAgree(), "4 threads on one predictor give the sequential predictions");
    // 5 labelled images per class and a source trained on rendered glyphs: far above chance (0.1)
    assertTrue(s.winnerAccuracy() > 0.5, "winner test accuracy " + s.winnerAccuracy());
    assertTrue(s.servedAccuracy() > 0.5, "served accuracy " + s.servedAccuracy());
    assertTrue(
        Files.isRegularFile(work.resolve("runs/embedded-digits/result.json")), "result.json");
  }
}
