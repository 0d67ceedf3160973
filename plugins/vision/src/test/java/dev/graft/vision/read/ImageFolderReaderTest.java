package dev.graft.vision.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.data.ReadResult.SkippedInput;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

  @TempDir Path temp;

  private final ImageFolderReader reader = new ImageFolderReader();

  /** cat: PNG gray + JPEG RGB; dog: BMP RGB + GIF palette; owl: PNG RGBA + PNG gray. */
  private Path mixedFolder() {
    Path root = temp.resolve("animals");
    TestImages.write(TestImages.gray(8, 6), "png", root.resolve("cat/a.png"));
    TestImages.write(TestImages.rgb(10, 10), "jpg", root.resolve("cat/b.JPG"));
    TestImages.write(TestImages.rgb(12, 9), "bmp", root.resolve("dog/c.bmp"));
    TestImages.write(TestImages.palette(16, 16), "gif", root.resolve("dog/d.gif"));
    TestImages.write(TestImages.rgba(7, 7), "png", root.resolve("owl/e.png"));
    TestImages.write(TestImages.gray(5, 5), "png", root.resolve("owl/nested/f.png"));
    TestImages.bytes(root.resolve(".DS_Store"), new byte[] {1, 2, 3});
    TestImages.bytes(root.resolve("README.txt"), "notes".getBytes());
    return root;
  }

  private static ReadOptions opts(BadInputPolicy policy, Map<String, String> options) {
    return new ReadOptions(policy, 0, options);
  }

  @Test
  void readsMixedFormatsAndColourTypesIntoSortedClasses() {
    ReadResult<Image> result = reader.read(mixedFolder(), ReadOptions.defaults());
    Dataset<Image> data = result.dataset();
    assertEquals(List.of(), result.skipped());
    assertEquals(6, data.size());
    ClassLabels labels = data.classLabels();
    assertEquals(List.of("cat", "dog", "owl"), labels.names());
    assertEquals(
        List.of(0, 0, 1, 1, 2, 2), java.util.Arrays.stream(labels.values()).boxed().toList());
    // any colour image makes the whole set RGB
    assertTrue(data.examples().stream().allMatch(i -> i.channels() == 3));
    Image grayPng = data.example(0);
    assertEquals(8, grayPng.width());
    assertEquals(6, grayPng.height());
    // lossless gray PNG: exact values, repeated over the three channels
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(TestImages.grayValue(x, y) / 255f, grayPng.get(y, x, c), 1e-6);
        }
      }
    }
    assertTrue(grayPng.origin().endsWith("cat/a.png"), grayPng.origin());
    // BMP RGB is lossless too
    Image bmp = data.example(2);
    assertEquals(12, bmp.width());
    assertEquals((3 * 20) / 255f, bmp.get(4, 3, 0), 1e-6);
    assertEquals((4 * 20) / 255f, bmp.get(4, 3, 1), 1e-6);
    assertEquals(200 / 255f, bmp.get(4, 3, 2), 1e-6);
    // palette GIF: index 1 is pure red, index 2 pure green
    Image gif = data.example(3);
    assertEquals(1f, gif.get(0, 1, 0));
    assertEquals(0f, gif.get(0, 1, 1));
    assertEquals(1f, gif.get(0, 2, 1));
    // RGBA: alpha dropped, colour kept
    Image rgba = data.example(4);
    assertEquals(250 / 255f, rgba.get(1, 1, 0), 1e-6);
    assertEquals(10 / 255f, rgba.get(1, 1, 2), 1e-6);

    Map<String, String> p = data.info().properties();
    assertEquals("image-folder", p.get("reader"));
    assertEquals("6", p.get("examples"));
    assertEquals("3", p.get("classes"));
    assertEquals("1", p.get("ignored-root-files"));
    assertEquals("mixed 5x5 to 16x16", p.get("image-size"));
    assertTrue(data.info().digest().matches("sha256:[0-9a-f]{64}"), data.info().digest());
    assertEquals("animals", data.info().name());
  }

  @Test
  void channelsOptionForcesGrayscaleWithLuma() {
    Dataset<Image> data =
        reader.read(mixedFolder(), opts(BadInputPolicy.FAIL, Map.of("channels", "1"))).dataset();
    assertTrue(data.examples().stream().allMatch(i -> i.channels() == 1));
    Image bmp = data.example(2);
    float expected = Math.round(0.299f * 60 + 0.587f * 80 + 0.114f * 200) / 255f;
    assertEquals(expected, bmp.get(4, 3, 0), 1.5f / 255);
  }

  @Test
  void allGrayInputGivesOneChannel() {
    Path root = temp.resolve("gray");
    TestImages.write(TestImages.gray(6, 6), "png", root.resolve("a/1.png"));
    TestImages.write(TestImages.gray(6, 6), "bmp", root.resolve("b/1.bmp"));
    Dataset<Image> data = reader.read(root, ReadOptions.defaults()).dataset();
    assertTrue(data.examples().stream().allMatch(i -> i.channels() == 1));
    assertEquals("1", data.info().properties().get("channels"));
  }

  private Path folderWithBadFiles() {
    Path root = temp.resolve("bad");
    TestImages.write(TestImages.rgb(8, 8), "png", root.resolve("good/ok.png"));
    TestImages.write(TestImages.gray(8, 8), "png", root.resolve("good/ok2.png"));
    TestImages.bytes(root.resolve("good/zero.png"), new byte[0]);
    TestImages.bytes(root.resolve("good/truncated.png"), TestImages.truncatedPng());
    TestImages.bytes(root.resolve("good/text.jpg"), "hello, not an image".getBytes());
    TestImages.bytes(root.resolve("good/notes.txt"), "labels are folders".getBytes());
    TestImages.write(TestImages.gray(2, 3), "png", root.resolve("other/tiny.png"));
    TestImages.bytes(root.resolve("other/huge.png"), TestImages.pngHeaderOnly(100_000, 100_000));
    TestImages.write(TestImages.rgb(9, 9), "bmp", root.resolve("other/fine.bmp"));
    return root;
  }

  @Test
  void failListsEveryBadFileWithItsReason() {
    Path root = folderWithBadFiles();
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(root, ReadOptions.defaults()));
    assertEquals(GraftErrors.BAD_INPUTS, e.errorId());
    String m = e.getMessage();
    assertTrue(m.startsWith("GRAFT-DATA-006"), m);
    assertTrue(m.contains("found 6 bad inputs"), m);
    assertTrue(m.contains("good/zero.png: zero-byte file"), m);
    assertTrue(m.contains("good/truncated.png: corrupt or truncated"), m);
    assertTrue(m.contains("good/text.jpg: not a JPEG, PNG, BMP or GIF image"), m);
    assertTrue(m.contains("good/notes.txt: not an image file (extension '.txt')"), m);
    assertTrue(m.contains("other/tiny.png: image is 2x3, smaller than the minimum side 4"), m);
    assertTrue(m.contains("other/huge.png: image header declares 100000x100000"), m);
    assertTrue(m.contains("on-bad-input=skip"), m);
  }

  @Test
  void skipReportsEveryBadFileAndKeepsTheGoodOnes() {
    ReadResult<Image> result =
        reader.read(folderWithBadFiles(), opts(BadInputPolicy.SKIP, Map.of()));
    assertEquals(3, result.dataset().size());
    Set<String> skipped =
        result.skipped().stream().map(SkippedInput::location).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "good/zero.png",
            "good/truncated.png",
            "good/text.jpg",
            "good/notes.txt",
            "other/tiny.png",
            "other/huge.png"),
        skipped);
    assertEquals("6", result.dataset().info().properties().get("skipped"));
  }

  @Test
  void pixelBudgetAndMinimumSideAreOptions() {
    Path root = temp.resolve("sizes");
    TestImages.write(TestImages.gray(20, 20), "png", root.resolve("a/big.png"));
    TestImages.write(TestImages.gray(3, 3), "png", root.resolve("a/small.png"));
    ReadResult<Image> result =
        reader.read(root, opts(BadInputPolicy.SKIP, Map.of("max-pixels", "399", "min-side", "3")));
    assertEquals(1, result.dataset().size());
    assertEquals("a/big.png", result.skipped().get(0).location());
    assertTrue(result.skipped().get(0).reason().contains("400 pixels, above the budget of 399"));
  }

  @Test
  void emptyClassFolderIsAnErrorAndReportedWhenSkipping() throws IOException {
    Path root = temp.resolve("withempty");
    TestImages.write(TestImages.gray(6, 6), "png", root.resolve("a/1.png"));
    TestImages.write(TestImages.gray(6, 6), "png", root.resolve("c/1.png"));
    Files.createDirectories(root.resolve("b"));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(root, ReadOptions.defaults()));
    assertEquals(VisionErrors.EMPTY_CLASS_FOLDER, e.errorId());
    assertTrue(e.getMessage().contains("b/: class folder holds no images"), e.getMessage());

    ReadResult<Image> skipped = reader.read(root, opts(BadInputPolicy.SKIP, Map.of()));
    assertEquals(List.of("a", "c"), skipped.dataset().classLabels().names());
    assertEquals(
        List.of(
            new SkippedInput(
                "b/", "class folder holds no images; add images or remove the folder")),
        skipped.skipped());
  }

  @Test
  void unknownOptionIsNamedWithTheValidOnes() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(mixedFolder(), opts(BadInputPolicy.FAIL, Map.of("colour", "rgb"))));
    assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId());
    assertTrue(e.getMessage().contains("has no option 'colour'"), e.getMessage());
    assertTrue(e.getMessage().contains("channels"), e.getMessage());
    InvalidInputException bad =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(mixedFolder(), opts(BadInputPolicy.FAIL, Map.of("channels", "2"))));
    assertTrue(bad.getMessage().contains("option 'channels' is '2'"), bad.getMessage());
  }

  @Test
  void maxExamplesTakesClassesRoundRobin() {
    Dataset<Image> data =
        reader.read(mixedFolder(), new ReadOptions(BadInputPolicy.FAIL, 3, Map.of())).dataset();
    assertEquals(3, data.size());
    assertEquals(3, data.classLabels().presentClasses());
  }

  @Test
  void digestDependsOnContentNotLocation() throws IOException {
    Path a = mixedFolder();
    String first = reader.read(a, ReadOptions.defaults()).dataset().info().digest();
    Path copy = temp.resolve("copy");
    try (var walk = Files.walk(a)) {
      for (Path p : walk.toList()) {
        Path target = copy.resolve(a.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    assertEquals(first, reader.read(copy, ReadOptions.defaults()).dataset().info().digest());
    TestImages.write(TestImages.gray(8, 6), "png", copy.resolve("owl/extra.png"));
    assertNotEquals(first, reader.read(copy, ReadOptions.defaults()).dataset().info().digest());
  }

  @Test
  void acceptsOnlyFoldersWithClassSubfolders() {
    assertTrue(reader.accepts(mixedFolder()));
    assertFalse(reader.accepts(temp.resolve("animals/cat/a.png")));
    assertFalse(reader.accepts(temp.resolve("missing")));
  }

  @Test
  void notAFolderIsNamed() {
    Path file = TestImages.write(TestImages.gray(6, 6), "png", temp.resolve("x.png"));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(file, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
  }
}
