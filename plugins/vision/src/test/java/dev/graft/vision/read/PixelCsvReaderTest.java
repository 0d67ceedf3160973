package dev.graft.vision.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelCsvReaderTest {

  @TempDir Path temp;

  private final PixelCsvReader reader = new PixelCsvReader();

  private static ReadOptions opts(Map<String, String> o) {
    return new ReadOptions(BadInputPolicy.FAIL, 0, o);
  }

  private Path shippedDigits() throws IOException {
    Path file = temp.resolve("digits.csv.gz");
    try (InputStream in =
        PixelCsvReader.class.getResourceAsStream("/dev/graft/vision/data/digits.csv.gz")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void readsTheShippedUciDigits() throws IOException {
    Path file = shippedDigits();
    assertTrue(reader.accepts(file));
    Dataset<Image> data =
        reader.read(file, opts(Map.of("width", "8", "height", "8", "max-value", "16"))).dataset();
    assertEquals(1797, data.size());
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), data.classLabels().names());
    // the class counts scikit-learn reports for load_digits()
    assertArrayEquals(
        new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, data.classLabels().counts());
    float max = 0;
    for (Image img : data.examples()) {
      assertEquals(8, img.width());
      assertEquals(8, img.height());
      assertEquals(1, img.channels());
      for (float v : img.pixels()) {
        assertTrue(v >= 0 && v <= 1, "value " + v);
        max = Math.max(max, v);
      }
    }
    assertEquals(1f, max);
    // first row of digits.csv: 0,0,5,13,9,1,0,0,... label 0
    assertEquals(5 / 16f, data.example(0).get(0, 2, 0), 1e-7);
    assertEquals(13 / 16f, data.example(0).get(0, 3, 0), 1e-7);
    assertEquals(0, data.classLabels().get(0));
    // square size is inferred when width and height are not given
    assertEquals(
        data.info().digest(),
        reader.read(file, opts(Map.of("max-value", "16"))).dataset().info().digest());
  }

  @Test
  void valuesAboveMaxValueAreNamed() throws IOException {
    Path file = shippedDigits();
    InvalidInputException tooBig =
        assertThrows(
            InvalidInputException.class, () -> reader.read(file, opts(Map.of("max-value", "10"))));
    assertEquals(VisionErrors.MALFORMED_CSV_ROW, tooBig.errorId());
    assertTrue(
        tooBig.getMessage().contains("digits.csv.gz:1: column 3 holds 13, outside [0, 10.0]"),
        tooBig.getMessage());
    // every offending row is counted, the message lists the first ones
    assertTrue(tooBig.getMessage().contains("more"), tooBig.getMessage());
  }

  @Test
  void wrongRowLengthAndBadValuesAreNamedWithLineNumbers() throws IOException {
    Path csv = temp.resolve("px.csv");
    Files.writeString(
        csv,
        "p0,p1,p2,p3,label\n"
            + "0,255,10,20,cat\n"
            + "1,2,3,dog\n"
            + "\n"
            + "1,2,x,4,dog\n"
            + "1,2,3,4,\n"
            + "9,9,9,9,dog\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    assertEquals(VisionErrors.MALFORMED_CSV_ROW, e.errorId());
    String m = e.getMessage();
    assertTrue(
        m.contains("px.csv:3: row has 4 fields; expected 5 (2x2x1 pixel values + 1 label)"), m);
    assertTrue(m.contains("px.csv:5: column 2 holds 'x', not a number"), m);
    assertTrue(m.contains("px.csv:6: label column 4 is empty"), m);

    ReadResult<Image> skipped = reader.read(csv, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(2, skipped.dataset().size());
    assertEquals(List.of("cat", "dog"), skipped.dataset().classLabels().names());
    assertEquals(3, skipped.skipped().size());
    assertEquals(1f, skipped.dataset().example(0).get(0, 1, 0));
  }

  @Test
  void labelColumnByNameOrIndexAndRgb() throws IOException {
    Path csv = temp.resolve("rgb.csv");
    Files.writeString(csv, "label,r,g,b\n10,255,0,0\n2,0,0,255\n");
    Dataset<Image> data =
        reader
            .read(
                csv,
                opts(Map.of("label-column", "label", "width", "1", "height", "1", "channels", "3")))
            .dataset();
    // numeric labels sort numerically
    assertEquals(List.of("2", "10"), data.classLabels().names());
    assertEquals(1, data.classLabels().get(0));
    assertEquals(1f, data.example(0).get(0, 0, 0));
    assertEquals(1f, data.example(1).get(0, 0, 2));
    Dataset<Image> byIndex =
        reader
            .read(
                csv,
                opts(Map.of("label-column", "0", "width", "1", "height", "1", "channels", "3")))
            .dataset();
    assertEquals(data.info().digest(), byIndex.info().digest());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    csv,
                    opts(
                        Map.of(
                            "label-column",
                            "digit",
                            "width",
                            "1",
                            "height",
                            "1",
                            "channels",
                            "3"))));
    assertTrue(e.getMessage().contains("[label, r, g, b]"), e.getMessage());
  }

  @Test
  void nonSquareRowsWithoutSizeAskForWidthAndHeight() throws IOException {
    Path csv = temp.resolve("odd.csv");
    Files.writeString(csv, "1,2,3,a\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId());
    assertTrue(
        e.getMessage().contains("3 pixel values, which is not a square image"), e.getMessage());
  }
}
