package dev.graft.vision.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path temp;

  private final IdxReader reader = new IdxReader();

  private static final int N = 5;
  private static final int ROWS = 3;
  private static final int COLS = 4;

  static int pixel(int i, int y, int x) {
    return (i * 50 + y * 10 + x) % 256;
  }

  static byte[] imagesIdx(int n, int rows, int cols) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000803);
    out.writeInt(n);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          out.writeByte(pixel(i, y, x));
        }
      }
    }
    return bytes.toByteArray();
  }

  static byte[] labelsIdx(int... labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000801);
    out.writeInt(labels.length);
    for (int l : labels) {
      out.writeByte(l);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  private void checkRoundTrip(Dataset<Image> data) {
    assertEquals(N, data.size());
    assertArrayEquals(new int[] {2, 0, 1, 2, 0}, data.classLabels().values());
    assertEquals(List.of("0", "1", "2"), data.classLabels().names());
    for (int i = 0; i < N; i++) {
      Image img = data.example(i);
      assertEquals(COLS, img.width());
      assertEquals(ROWS, img.height());
      assertEquals(1, img.channels());
      for (int y = 0; y < ROWS; y++) {
        for (int x = 0; x < COLS; x++) {
          assertEquals(pixel(i, y, x) / 255f, img.get(y, x, 0), 1e-7);
        }
      }
    }
  }

  @Test
  void readsPlainAndGzippedPairsByFileOrFolder() throws IOException {
    Path plain = temp.resolve("plain");
    write(plain.resolve("train-images-idx3-ubyte"), imagesIdx(N, ROWS, COLS), false);
    write(plain.resolve("train-labels-idx1-ubyte"), labelsIdx(2, 0, 1, 2, 0), false);
    Path gz = temp.resolve("gz");
    // gzip is detected by magic bytes, whatever the name
    write(gz.resolve("t10k-images-idx3-ubyte.gz"), imagesIdx(N, ROWS, COLS), true);
    write(gz.resolve("t10k-labels-idx1-ubyte.gz"), labelsIdx(2, 0, 1, 2, 0), true);

    Dataset<Image> a =
        reader.read(plain.resolve("train-images-idx3-ubyte"), ReadOptions.defaults()).dataset();
    checkRoundTrip(a);
    Dataset<Image> b =
        reader.read(gz, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("split", "t10k"))).dataset();
    checkRoundTrip(b);
    assertEquals(a.info().digest(), b.info().digest());
    assertEquals("t10k-labels-idx1-ubyte.gz", b.info().properties().get("labels-file"));
    assertTrue(reader.accepts(gz));
    assertTrue(reader.accepts(plain.resolve("train-images-idx3-ubyte")));
    assertFalse(reader.accepts(plain.resolve("train-labels-idx1-ubyte")));
  }

  @Test
  void classNamesOptionAndMaxExamples() throws IOException {
    Path dir = temp.resolve("named");
    write(dir.resolve("train-images-idx3-ubyte"), imagesIdx(N, ROWS, COLS), false);
    write(dir.resolve("train-labels-idx1-ubyte"), labelsIdx(2, 0, 1, 2, 0), false);
    Dataset<Image> data =
        reader
            .read(
                dir,
                new ReadOptions(BadInputPolicy.FAIL, 2, Map.of("class-names", "shirt, shoe, bag")))
            .dataset();
    assertEquals(2, data.size());
    assertEquals(List.of("shirt", "shoe", "bag"), data.classLabels().names());
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    dir, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("class-names", "a,b"))));
    assertTrue(e.getMessage().contains("at least 3 distinct"), e.getMessage());
  }

  @Test
  void classesOptionKeepsTheChosenLabelsRelabelledInTheGivenOrder() throws IOException {
    Path dir = temp.resolve("subset");
    write(dir.resolve("train-images-idx3-ubyte"), imagesIdx(N, ROWS, COLS), false);
    write(dir.resolve("train-labels-idx1-ubyte"), labelsIdx(2, 0, 1, 2, 0), false);
    Dataset<Image> data =
        reader
            .read(
                dir,
                new ReadOptions(
                    BadInputPolicy.FAIL,
                    0,
                    Map.of("class-names", "shirt,shoe,bag", "classes", "2, 1")))
            .dataset();
    // images 0 (bag), 2 (shoe), 3 (bag) are kept; bag -> 0, shoe -> 1
    assertEquals(3, data.size());
    assertEquals(List.of("bag", "shoe"), data.classLabels().names());
    assertArrayEquals(new int[] {0, 1, 0}, data.classLabels().values());
    assertEquals(pixel(2, 1, 1) / 255f, data.example(1).get(1, 1, 0), 1e-6f);
    assertEquals("2,1", data.info().properties().get("selected-classes"));
    for (String bad : List.of("3", "1,1", "a", "")) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  reader.read(
                      dir, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("classes", bad))));
      assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId(), bad);
      assertTrue(e.getMessage().contains("from 0 to 2"), e.getMessage());
    }
  }

  @Test
  void missingLabelFileGivesAnUnlabelledSet() throws IOException {
    Path images = write(temp.resolve("u/train-images-idx3-ubyte"), imagesIdx(N, ROWS, COLS), false);
    Dataset<Image> data = reader.read(images, ReadOptions.defaults()).dataset();
    assertEquals(N, data.size());
    assertTrue(data.targets().isEmpty());
    assertEquals("none found", data.info().properties().get("labels-file"));
  }

  @Test
  void truncatedImagesFileIsNamedAndSkipKeepsCompleteImages() throws IOException {
    byte[] full = imagesIdx(N, ROWS, COLS);
    byte[] cut = Arrays.copyOf(full, 16 + 2 * ROWS * COLS + 5);
    for (boolean gzip : new boolean[] {false, true}) {
      Path dir = temp.resolve("trunc" + gzip);
      write(dir.resolve("train-images-idx3-ubyte" + (gzip ? ".gz" : "")), cut, gzip);
      write(dir.resolve("train-labels-idx1-ubyte"), labelsIdx(2, 0, 1, 2, 0), false);
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> reader.read(dir, ReadOptions.defaults()));
      assertTrue(
          e.getMessage()
              .contains("train-images-idx3-ubyte" + (gzip ? ".gz" : "") + ": file is truncated"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("ends inside image 2 (only 2 are complete)"), e.getMessage());

      ReadResult<Image> skipped =
          reader.read(dir, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
      assertEquals(2, skipped.dataset().size());
      assertEquals(2, skipped.skipped().size(), skipped.skipped().toString());
    }
  }

  @Test
  void truncatedGzipStreamAndBadMagicAreMalformed() throws IOException {
    Path gz = write(temp.resolve("g/train-images-idx3-ubyte.gz"), imagesIdx(N, ROWS, COLS), true);
    byte[] zipped = Files.readAllBytes(gz);
    Files.write(gz, Arrays.copyOf(zipped, zipped.length - 12));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(gz, ReadOptions.defaults()));
    assertEquals(VisionErrors.MALFORMED_IDX, e.errorId());

    Path bad = temp.resolve("b/train-images-idx3-ubyte");
    write(bad, "P5\n3 4\n255\n0000000000000000".getBytes(), false);
    InvalidInputException magic =
        assertThrows(InvalidInputException.class, () -> reader.read(bad, ReadOptions.defaults()));
    assertEquals(VisionErrors.MALFORMED_IDX, magic.errorId());
    assertTrue(
        magic.getMessage().contains("does not start with an IDX magic number"), magic.getMessage());
  }

  @Test
  void trailingBytesAndCountMismatchAreReported() throws IOException {
    Path dir = temp.resolve("long");
    byte[] full = imagesIdx(N, ROWS, COLS);
    byte[] longer = Arrays.copyOf(full, full.length + 3);
    write(dir.resolve("train-images-idx3-ubyte"), longer, false);
    write(dir.resolve("train-labels-idx1-ubyte"), labelsIdx(2, 0, 1, 2), false);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(dir, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("longer than its header declares"), e.getMessage());
    assertTrue(e.getMessage().contains("holds 4 usable labels but"), e.getMessage());
  }

  @Test
  void readsFashionMnistTestSplitWhenInstalled() {
    Path dir = Path.of("/usr/share/datasets/fashion-mnist");
    assumeTrue(
        Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist not installed");
    Dataset<Image> data =
        reader
            .read(dir, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("split", "t10k")))
            .dataset();
    assertEquals(10_000, data.size());
    assertEquals(28, data.example(0).width());
    int[] counts = data.classLabels().counts();
    assertEquals(10, counts.length);
    for (int c : counts) {
      assertEquals(1000, c);
    }
  }

  @Test
  void splitsFashionMnistByClassWhenInstalled() {
    Path dir = Path.of("/usr/share/datasets/fashion-mnist");
    assumeTrue(
        Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist not installed");
    String names = "T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot";
    Dataset<Image> target =
        reader
            .read(
                dir,
                new ReadOptions(
                    BadInputPolicy.FAIL,
                    0,
                    Map.of("split", "t10k", "class-names", names, "classes", "5,6,7,8,9")))
            .dataset();
    assertEquals(5_000, target.size());
    assertEquals(
        List.of("Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"), target.classLabels().names());
    assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000}, target.classLabels().counts());
  }

  @Test
  void readsFourDimensionalRgbImages() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000804);
    out.writeInt(2);
    out.writeInt(1);
    out.writeInt(2);
    out.writeInt(3);
    out.write(new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, 1, 2, 3});
    Path images = write(temp.resolve("rgb/train-images-idx3-ubyte"), bytes.toByteArray(), false);
    Dataset<Image> data = reader.read(images, ReadOptions.defaults()).dataset();
    assertEquals(3, data.example(0).channels());
    assertEquals(1f, data.example(0).get(0, 1, 1));
    assertEquals(3 / 255f, data.example(1).get(0, 1, 2), 1e-7f);
    Dataset<Image> gray =
        reader
            .read(images, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("channels", "1")))
            .dataset();
    assertEquals(1, gray.example(0).channels());
    assertEquals(76 / 255f, gray.example(0).get(0, 0, 0), 1e-7f);
  }
}
