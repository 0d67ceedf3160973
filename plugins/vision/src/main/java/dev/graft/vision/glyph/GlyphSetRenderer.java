package dev.graft.vision.glyph;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.sdk.json.Json;
import dev.graft.sdk.read.TextInput;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import dev.graft.vision.glyph.FontLibrary.LoadedFont;
import dev.graft.vision.preprocess.Augmenter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Renders a labelled glyph data set (every requested character in every font, {@code perFont}
 * seeded variations each) and writes it as a {@code pixel-csv} file, gzipped when the name ends in
 * {@code .gz}, written to a temporary file and moved into place so a reader never sees half a file.
 * Rows carry 32x32 gray values 0..255 or, in UCI form, 8x8 block counts 0..16, then the character
 * as the label; no header. A JSON sidecar next to it records fonts, characters, seed, augmentation,
 * skipped font/character pairs and the reader options that read it back.
 */
public final class GlyphSetRenderer {

  /** The canvas side for both forms (the UCI form reduces it to 8x8). */
  public static final int CANVAS = UciReduction.BITMAP;

  /** The value at which an anti-aliased pixel counts as on when binarising. */
  public static final float THRESHOLD = 0.5f;

  /**
   * What to render.
   *
   * @param characters the characters (labels)
   * @param fonts the fonts to use
   * @param perFont variations per character and font, at least 1
   * @param seed the base seed
   * @param uci reduce to UCI 8x8 block counts (else 32x32 grayscale)
   * @param style how each variation is drawn
   */
  public record Request(
      List<String> characters,
      FontLibrary fonts,
      int perFont,
      long seed,
      boolean uci,
      GlyphAugmentation style) {

    /** Validates. */
    public Request {
      characters = List.copyOf(characters);
      if (characters.isEmpty()) {
        throw new InvalidInputException(GraftErrors.INVALID_CONFIG, "no characters to render.");
      }
      if (perFont < 1 || perFont > 10_000) {
        throw new InvalidInputException(
            GraftErrors.INVALID_CONFIG, "per-font is " + perFont + "; it must be 1 to 10000.");
      }
    }
  }

  /**
   * What was written.
   *
   * @param csv the data file
   * @param sidecar the JSON description
   * @param rows the number of rows
   * @param perClass rows per character
   * @param fontsUsed fonts that rendered at least one character
   * @param skipped one line per font/character pair the font could not render
   */
  public record Summary(
      Path csv,
      Path sidecar,
      int rows,
      Map<String, Integer> perClass,
      List<String> fontsUsed,
      List<String> skipped) {}

  private final GlyphRenderer renderer = new GlyphRenderer(CANVAS);

  /** Creates the renderer. */
  public GlyphSetRenderer() {}

  /**
   * Renders one sample as a pixel-csv row's values (without the label).
   *
   * @param font the font
   * @param ch the character
   * @param request the request (form and style)
   * @param sample which variation
   * @return the values: 64 counts 0..16 (UCI) or 1024 gray levels 0..255
   */
  public int[] renderValues(LoadedFont font, String ch, Request request, int sample) {
    long seed = sampleSeed(request.seed(), font, ch, sample);
    Image img = renderer.render(font.font(), ch, request.style(), seed, font.label() + "/" + ch);
    if (request.uci()) {
      return UciReduction.blockCounts(img, THRESHOLD);
    }
    int[] out = new int[img.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(img.value(i) * 255f);
    }
    return out;
  }

  /**
   * The seed of one sample: depends on the base seed, the font file name, the character and the
   * sample number, so adding or removing fonts does not change the other fonts' samples.
   */
  static long sampleSeed(long seed, LoadedFont font, String ch, int sample) {
    long h = 0xcbf29ce484222325L;
    byte[] key =
        (font.file().getFileName()
                + "\u0000"
                + font.font().getFontName(Locale.ROOT)
                + "\u0000"
                + ch)
            .getBytes(StandardCharsets.UTF_8);
    for (byte b : key) {
      h = (h ^ (b & 0xFF)) * 0x100000001b3L;
    }
    return Augmenter.seedFor(Augmenter.seedFor(seed, h), sample);
  }

  /**
   * Renders and writes the data set.
   *
   * @param request what to render
   * @param out the CSV file ({@code .csv} or {@code .csv.gz})
   * @return what was written
   * @throws InvalidInputException VISION-GLYPH-002 if some character has no font that renders it;
   *     GRAFT-IO-002 if the file cannot be written
   */
  public Summary write(Request request, Path out) {
    List<LoadedFont> fonts = request.fonts().requireFonts().fonts();
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> perClass = new LinkedHashMap<>();
    List<String> fontsUsed = new ArrayList<>();
    boolean[][] can = new boolean[fonts.size()][request.characters().size()];
    for (int f = 0; f < fonts.size(); f++) {
      boolean any = false;
      for (int c = 0; c < request.characters().size(); c++) {
        String ch = request.characters().get(c);
        can[f][c] = GlyphRenderer.canRender(fonts.get(f).font(), ch);
        if (!can[f][c]) {
          skipped.add(fonts.get(f).label() + ": no glyph for '" + ch + "'");
        }
        any |= can[f][c];
      }
      if (any) {
        fontsUsed.add(fonts.get(f).label());
      }
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < request.characters().size(); c++) {
      int count = 0;
      for (int f = 0; f < fonts.size(); f++) {
        count += can[f][c] ? request.perFont() : 0;
      }
      perClass.put(request.characters().get(c), count);
      if (count == 0) {
        missing.add(request.characters().get(c));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          VisionErrors.CHARACTER_NOT_RENDERABLE,
          "none of the "
              + fonts.size()
              + " fonts can render "
              + missing
              + "; add a font that covers them (--fonts DIR) or leave them out of --chars.");
    }
    Path target = out.toAbsolutePath().normalize();
    boolean gzip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    int rows =
        writeAtomically(
            target,
            stream -> {
              int n = 0;
              OutputStream sink = gzip ? new GZIPOutputStream(stream, 1 << 16) : stream;
              Writer w = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
              for (int f = 0; f < fonts.size(); f++) {
                for (int c = 0; c < request.characters().size(); c++) {
                  if (!can[f][c]) {
                    continue;
                  }
                  String ch = request.characters().get(c);
                  for (int s = 0; s < request.perFont(); s++) {
                    int[] values = renderValues(fonts.get(f), ch, request, s);
                    StringBuilder line = new StringBuilder(values.length * 3 + 4);
                    for (int v : values) {
                      line.append(v).append(',');
                    }
                    line.append(TextInput.quote(ch, ',')).append('\n');
                    w.write(line.toString());
                    n++;
                  }
                }
              }
              w.flush();
              if (sink instanceof GZIPOutputStream gz) {
                gz.finish();
              }
              return n;
            });
    Path sidecar = sidecarFor(target);
    String json = sidecarJson(request, target, rows, perClass, fontsUsed, skipped);
    writeAtomically(
        sidecar,
        stream -> {
          stream.write(json.getBytes(StandardCharsets.UTF_8));
          return 0;
        });
    return new Summary(target, sidecar, rows, perClass, fontsUsed, skipped);
  }

  /**
   * The sidecar path: the CSV name without {@code .gz} and {@code .csv}, plus {@code .json}.
   *
   * @param csv the data file
   * @return the sidecar path
   */
  public static Path sidecarFor(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.replaceFirst("(?i)\\.gz$", "").replaceFirst("(?i)\\.csv$", "");
    return csv.resolveSibling(base + ".json");
  }

  /**
   * The {@code pixel-csv} reader options that read a file written with this form.
   *
   * @param uci whether the file is in UCI form
   * @return option name to value
   */
  public static Map<String, String> readerOptions(boolean uci) {
    return uci
        ? Map.of("width", "8", "height", "8", "max-value", "16")
        : Map.of("width", "32", "height", "32", "max-value", "255");
  }

  private String sidecarJson(
      Request request,
      Path csv,
      int rows,
      Map<String, Integer> perClass,
      List<String> fontsUsed,
      List<String> skipped) {
    GlyphAugmentation s = request.style();
    StringBuilder j = new StringBuilder("{\n");
    j.append("  \"generator\": \"graft datasets render-glyphs\",\n");
    j.append("  \"file\": ").append(Json.string(csv.getFileName().toString())).append(",\n");
    j.append("  \"reader\": \"pixel-csv\",\n");
    j.append("  \"readerOptions\": ").append(Json.map(readerOptions(request.uci()))).append(",\n");
    j.append("  \"form\": ")
        .append(Json.string(request.uci() ? "uci-8x8-block-counts" : "gray-32x32"))
        .append(",\n");
    j.append("  \"binariseThreshold\": ").append(THRESHOLD).append(",\n");
    j.append("  \"rows\": ").append(rows).append(",\n");
    j.append("  \"seed\": ").append(request.seed()).append(",\n");
    j.append("  \"perFont\": ").append(request.perFont()).append(",\n");
    j.append("  \"characters\": ").append(Json.list(request.characters())).append(",\n");
    j.append("  \"rowsPerCharacter\": ").append(Json.intMap(perClass)).append(",\n");
    j.append("  \"augmentation\": {\"minSize\": ")
        .append(s.minSize())
        .append(", \"maxSize\": ")
        .append(s.maxSize())
        .append(", \"maxShift\": ")
        .append(s.maxShift())
        .append(", \"maxRotationDegrees\": ")
        .append(s.maxRotationDegrees())
        .append(", \"maxStroke\": ")
        .append(s.maxStroke())
        .append("},\n");
    j.append("  \"fonts\": ").append(Json.list(fontsUsed)).append(",\n");
    j.append("  \"skipped\": ").append(Json.list(skipped)).append(",\n");
    j.append("  \"java\": ")
        .append(
            Json.string(
                System.getProperty("java.vendor") + " " + System.getProperty("java.version")))
        .append("\n}\n");
    return j.toString();
  }

  /** Writes content to a temporary file next to {@code target}, then moves it into place. */
  private static int writeAtomically(Path target, Content content) {
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
      int result;
      try (OutputStream stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        result = content.writeTo(stream);
      }
      AtomicFiles.moveIntoPlace(tmp, target);
      return result;
    } catch (IOException e) {
      deleteIfExists(tmp, e);
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write " + target + ": " + e + "; check the folder exists and is writable.",
          e);
    }
  }

  private static void deleteIfExists(Path tmp, IOException failure) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  @FunctionalInterface
  private interface Content {
    int writeTo(OutputStream stream) throws IOException;
  }
}
