package dev.graft.vision.glyph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.InvalidInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import dev.graft.vision.glyph.FontLibrary.LoadedFont;
import dev.graft.vision.read.PixelCsvReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlyphRendererTest {

  @TempDir Path temp;

  private static FontLibrary machineFonts;

  @BeforeAll
  static void scanFonts() {
    machineFonts = FontLibrary.scan(FontLibrary.DEFAULT_FOLDERS, FontLibrary.DEFAULT_EXCLUDE);
  }

  private static LoadedFont someFont() {
    assumeFalse(machineFonts.fonts().isEmpty(), "no .ttf/.otf font installed on this machine");
    return machineFonts.fonts().stream()
        .filter(f -> f.file().getFileName().toString().startsWith("DejaVuSans"))
        .findFirst()
        .orElse(machineFonts.fonts().get(0));
  }

  @Test
  void uciReductionOfFullAndEmptyBitmaps() {
    byte[] on = new byte[32 * 32];
    Arrays.fill(on, (byte) 255);
    int[] full = UciReduction.blockCounts(Image.ofBytes(32, 32, 1, on, "on"), 0.5f);
    int[] sixteens = new int[64];
    Arrays.fill(sixteens, 16);
    assertArrayEquals(sixteens, full);
    assertArrayEquals(
        new int[64],
        UciReduction.blockCounts(Image.ofBytes(32, 32, 1, new byte[1024], "off"), 0.5f));
    // one on-pixel at (y=5, x=9) lands in block (1, 2)
    byte[] one = new byte[1024];
    one[5 * 32 + 9] = (byte) 200;
    int[] counts = UciReduction.blockCounts(Image.ofBytes(32, 32, 1, one, "one"), 0.5f);
    assertEquals(1, counts[1 * 8 + 2]);
    assertEquals(1, Arrays.stream(counts).sum());
    assertThrows(
        IllegalArgumentException.class,
        () -> UciReduction.blockCounts(Image.ofBytes(8, 8, 1, new byte[64], "small"), 0.5f));
  }

  @Test
  void rendersADigitFromAMachineFont() {
    LoadedFont font = someFont();
    assertTrue(GlyphRenderer.canRender(font.font(), "7"));
    GlyphRenderer renderer = new GlyphRenderer(32);
    Image seven = renderer.render(font.font(), "7", GlyphAugmentation.none(), 1, "seven");
    assertEquals(32, seven.width());
    assertEquals(1, seven.channels());
    float ink = 0;
    for (float v : seven.pixels()) {
      ink += v;
    }
    // a 7 covers some, not most, of the canvas
    assertTrue(ink > 32 && ink < 600, "ink " + ink);
    // no augmentation: the glyph's larger side spans the canvas, so the top row has ink (the bar)
    float top = 0;
    for (int x = 0; x < 32; x++) {
      top += seven.get(0, x, 0) + seven.get(1, x, 0);
    }
    assertTrue(top > 5, "the bar of the 7 should touch the top, ink there " + top);
    Image one = renderer.render(font.font(), "1", GlyphAugmentation.none(), 1, "one");
    assertNotEquals(seven, one);
    // seeded variation: deterministic per seed, different across seeds
    GlyphAugmentation style = GlyphAugmentation.defaults();
    assertEquals(
        renderer.render(font.font(), "7", style, 5, "a"),
        renderer.render(font.font(), "7", style, 5, "b"));
    assertNotEquals(
        renderer.render(font.font(), "7", style, 5, "a"),
        renderer.render(font.font(), "7", style, 6, "b"));
  }

  @Test
  void unrenderableCharactersAreDetected() {
    LoadedFont font = someFont();
    // a private-use code point no text font maps
    assertFalse(GlyphRenderer.canRender(font.font(), "\uE9F0"));
  }

  @Test
  void commandWritesAPixelCsvTheReaderReadsBack() throws Exception {
    LoadedFont font = someFont();
    Path out = temp.resolve("sets/glyphs.csv.gz");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        new RenderGlyphsCommand()
            .execute(
                List.of(
                    "--out",
                    out.toString(),
                    "--chars",
                    "0123",
                    "--fonts",
                    font.file().toString(),
                    "--per-font",
                    "3",
                    "--seed",
                    "9",
                    "--uci"),
                new PrintWriter(stdout),
                new PrintWriter(stderr));
    assertEquals(0, code, stderr.toString());
    assertTrue(stdout.toString().contains("wrote 12 rows (4 classes, 1 fonts)"), stdout.toString());
    Path sidecar = temp.resolve("sets/glyphs.json");
    String json = Files.readString(sidecar);
    assertTrue(json.contains("\"seed\": 9"), json);
    assertTrue(json.contains(font.file().getFileName().toString()), json);
    try (var files = Files.list(temp.resolve("sets"))) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
    Dataset<Image> data =
        new PixelCsvReader()
            .read(
                out, new ReadOptions(BadInputPolicy.FAIL, 0, GlyphSetRenderer.readerOptions(true)))
            .dataset();
    assertEquals(12, data.size());
    assertEquals(List.of("0", "1", "2", "3"), data.classLabels().names());
    assertEquals(8, data.example(0).width());
    byte[] first = Files.readAllBytes(out);
    // the same seed writes the same file
    assertEquals(
        0,
        new RenderGlyphsCommand()
            .execute(
                List.of(
                    "--out",
                    out.toString(),
                    "--chars",
                    "0123",
                    "--fonts",
                    font.file().toString(),
                    "--per-font",
                    "3",
                    "--seed",
                    "9",
                    "--uci"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
    assertArrayEquals(first, Files.readAllBytes(out));
  }

  @Test
  void grayFormAndLiteralCharactersWithCsvQuoting() {
    LoadedFont font = someFont();
    Path out = temp.resolve("gray.csv");
    GlyphSetRenderer.Request request =
        new GlyphSetRenderer.Request(
            CharacterSets.resolve("A,\""),
            new FontLibrary(List.of(font), List.of(), List.of(font.file())),
            2,
            1,
            false,
            GlyphAugmentation.defaults());
    GlyphSetRenderer.Summary summary = new GlyphSetRenderer().write(request, out);
    assertEquals(6, summary.rows());
    Dataset<Image> data =
        new PixelCsvReader()
            .read(
                out, new ReadOptions(BadInputPolicy.FAIL, 0, GlyphSetRenderer.readerOptions(false)))
            .dataset();
    assertEquals(List.of("\"", ",", "A"), data.classLabels().names());
    assertEquals(32, data.example(0).width());
  }

  @Test
  void noFontsNamesTheFoldersAndThePackages() {
    StringWriter stderr = new StringWriter();
    int code =
        new RenderGlyphsCommand()
            .execute(
                List.of(
                    "--out",
                    temp.resolve("x.csv").toString(),
                    "--fonts",
                    temp.resolve("empty").toString()),
                new PrintWriter(new StringWriter()),
                new PrintWriter(stderr));
    assertEquals(1, code);
    String err = stderr.toString();
    assertTrue(err.contains("VISION-GLYPH-001"), err);
    assertTrue(err.contains(temp.resolve("empty").toString()), err);
    assertTrue(err.contains("fonts-dejavu-core"), err);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> FontLibrary.scan(List.of(temp), Pattern.compile("x^")).requireFonts());
    assertEquals(VisionErrors.NO_FONTS, e.errorId());
  }

  @Test
  void usageErrorsExitWithTwo() {
    StringWriter stderr = new StringWriter();
    int code =
        new RenderGlyphsCommand()
            .execute(
                List.of("--chars", "digits"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(stderr));
    assertEquals(2, code);
    assertTrue(stderr.toString().contains("--out"), stderr.toString());
  }

  @Test
  void characterSets() {
    assertEquals(10, CharacterSets.resolve("digits").size());
    assertEquals(62, CharacterSets.resolve("alnum").size());
    assertEquals(List.of("x", "y"), CharacterSets.resolve("xyx"));
  }
}
