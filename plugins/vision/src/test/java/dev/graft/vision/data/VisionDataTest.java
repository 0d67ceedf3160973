package dev.graft.vision.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.vision.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionDataTest {

  @TempDir Path temp;

  @Test
  void uciDigitsLoadWithSklearnCounts() {
    Dataset<Image> digits = VisionData.UCI_DIGITS.load();
    assertEquals(1797, digits.size());
    assertArrayEquals(
        new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180},
        digits.classLabels().counts());
    assertEquals("uci-digits", digits.info().name());
    assertTrue(digits.info().location().startsWith("classpath:"));
  }

  @Test
  void renderedSetsMatchTheUciForm() {
    Dataset<Image> glyphDigits = VisionData.GLYPH_DIGITS.load();
    assertEquals(10, glyphDigits.classLabels().numClasses());
    assertTrue(glyphDigits.size() >= 2000, "rows " + glyphDigits.size());
    int[] counts = glyphDigits.classLabels().counts();
    assertTrue(Arrays.stream(counts).allMatch(c -> c == counts[0]), Arrays.toString(counts));
    Dataset<Image> alnum = VisionData.GLYPH_ALNUM.load();
    assertEquals(62, alnum.classLabels().numClasses());
    assertEquals("0", alnum.classLabels().names().get(0));
    assertEquals("A", alnum.classLabels().names().get(10));
    assertEquals("z", alnum.classLabels().names().get(61));
    for (Dataset<Image> d : List.of(glyphDigits, alnum)) {
      Image img = d.example(0);
      assertEquals(8, img.width());
      assertEquals(8, img.height());
      // block counts are multiples of 1/16
      for (float v : img.pixels()) {
        assertEquals(Math.round(v * 16) / 16f, v, 1e-6f);
      }
    }
  }

  @Test
  void shippedFilesAreSmallAndCopyable() throws IOException {
    long total = 0;
    for (VisionData d : VisionData.values()) {
      Path copy = d.copyTo(temp.resolve(d.fileName()));
      total += Files.size(copy);
      try (InputStream in = d.open()) {
        assertEquals(0x1f, in.read());
      }
    }
    assertTrue(total < 1_000_000, "shipped data is " + total + " bytes");
    assertTrue(
        VisionData.class.getResource("/dev/graft/vision/data/NOTICE.md") != null, "NOTICE.md");
  }
}
