package dev.graft.sdk.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ReadResult.SkippedInput;
import dev.graft.api.error.GraftErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvManifestTest {

  @TempDir Path dir;

  private static CsvManifest images() {
    return new CsvManifest(
        GraftErrors.BAD_INPUTS, "image", 2, 2, "2 (path,label)", p -> p.endsWith(".png"), false);
  }

  private static CsvManifest clips() {
    return new CsvManifest(
        GraftErrors.BAD_INPUTS,
        "clip",
        2,
        3,
        "path,label or path,label,speaker",
        p -> p.endsWith(".wav"),
        true);
  }

  private Path csv(String text) throws IOException {
    Files.createDirectories(dir.resolve("img"));
    Files.writeString(dir.resolve("img/a.png"), "x");
    Files.writeString(dir.resolve("img/b.wav"), "x");
    return Files.writeString(dir.resolve("m.csv"), text).toAbsolutePath().normalize();
  }

  @Test
  void goodRowsKeepOrderAndBadRowsAreReportedInOrder() throws IOException {
    Path m =
        csv("path,label\n\nimg/a.png,cat\nimg/a.png\nimg/a.png,\nimg/zz.png,dog\nimg/a.png,dog\n");
    BadInputLog log = new BadInputLog();
    List<CsvManifest.Row> rows = images().read(m, "auto", 0, log);
    assertEquals(2, rows.size());
    assertEquals("cat", rows.get(0).label());
    assertEquals(dir.resolve("img/a.png").toAbsolutePath().normalize(), rows.get(0).file());
    assertEquals("m.csv:3 (img/a.png)", rows.get(0).location());
    assertEquals("m.csv:7 (img/a.png)", rows.get(1).location());
    List<SkippedInput> bad = log.entries();
    assertEquals(3, bad.size());
    assertEquals(
        new SkippedInput("m.csv:4", "row has 1 fields; expected 2 (path,label)"), bad.get(0));
    assertEquals(new SkippedInput("m.csv:5", "the label is empty"), bad.get(1));
    assertEquals("m.csv:6", bad.get(2).location());
    assertTrue(bad.get(2).reason().startsWith("image 'img/zz.png' does not exist (looked for "));
  }

  @Test
  void headerModesAndLimit() throws IOException {
    Path m = csv("img/a.png,cat\nimg/a.png,dog\n");
    assertEquals(2, images().read(m, "auto", 0, new BadInputLog()).size());
    assertEquals(1, images().read(m, "true", 0, new BadInputLog()).size());
    assertEquals(1, images().read(m, "false", 1, new BadInputLog()).size());
  }

  @Test
  void trimmedLabelsTreatBlankAsEmptyAndKeepExtraFields() throws IOException {
    Path m = csv("img/b.wav,\" yes \",spk\nimg/b.wav,\" \"\nimg/b.wav,a,b,c\n");
    BadInputLog log = new BadInputLog();
    List<CsvManifest.Row> rows = clips().read(m, "auto", 0, log);
    assertEquals(1, rows.size());
    assertEquals("yes", rows.get(0).label());
    assertEquals(List.of("img/b.wav", " yes ", "spk"), rows.get(0).fields());
    assertEquals(2, log.count());
    assertEquals("the label is empty", log.entries().get(0).reason());
    assertEquals(
        "row has 4 fields; expected path,label or path,label,speaker",
        log.entries().get(1).reason());
    BadInputLog untrimmed = new BadInputLog();
    Path m2 = csv("img/a.png,\" \"\n");
    assertEquals(" ", images().read(m2, "false", 0, untrimmed).get(0).label());
  }

  @Test
  void acceptsSniffsTheFirstTwoLines() throws IOException {
    Path m = csv("path,label\nimg/a.png,cat\n");
    assertTrue(images().accepts(m));
    assertFalse(clips().accepts(m));
    assertFalse(images().accepts(dir.resolve("img/a.png")));
  }
}
