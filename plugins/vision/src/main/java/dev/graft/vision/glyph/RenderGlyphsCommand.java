package dev.graft.vision.glyph;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.cli.PicocliCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pf4j.Extension;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft datasets render-glyphs}: renders characters from the machine's fonts into a labelled
 * {@code pixel-csv} data set (a synthetic source domain for handwriting targets).
 *
 * <pre>
 * graft datasets render-glyphs --out digits.csv.gz --chars digits --per-font 20 --seed 7 --uci
 * </pre>
 *
 * <p>Exit codes: 0 written, 1 a Graft error (no fonts, unrenderable characters, unwritable file), 2
 * a usage error.
 */
@Extension
public final class RenderGlyphsCommand implements PluginCommand {

  /** Creates the command. */
  public RenderGlyphsCommand() {}

  @Override
  public String id() {
    return "datasets-render-glyphs";
  }

  @Override
  public String description() {
    return "Render characters from font files into a labelled pixel-csv data set (optionally UCI"
        + " 8x8).";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.VISION), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("datasets", "render-glyphs");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    return PicocliCommands.execute(new Options(out), args, out, err);
  }

  /** The command line options. */
  @Command(
      name = "render-glyphs",
      mixinStandardHelpOptions = true,
      description = {
        "Renders characters from TrueType/OpenType fonts, each with seeded variations of size,"
            + " position, rotation and stroke, into a pixel-csv file (label = the character).",
        "With --uci each 32x32 render is binarised and reduced to 8x8 counts of on-pixels per 4x4"
            + " block (values 0..16), the way the UCI handwritten digits were made."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "output CSV (.csv or .csv.gz); a .json sidecar is written next to it")
    Path file;

    @Option(
        names = "--chars",
        defaultValue = "digits",
        paramLabel = "SET",
        description =
            "digits, alnum (62), upper, lower, letters, or literal characters (default:"
                + " ${DEFAULT-VALUE})")
    String chars;

    @Option(
        names = "--fonts",
        arity = "1..*",
        paramLabel = "DIR",
        description =
            "font folders or files (default: /usr/share/fonts, /usr/share/texmf/fonts/opentype,"
                + " ~/.fonts ...)")
    List<Path> fonts;

    @Option(
        names = "--per-font",
        defaultValue = "10",
        paramLabel = "N",
        description = "variations per character and font (default: ${DEFAULT-VALUE})")
    int perFont;

    @Option(
        names = "--seed",
        defaultValue = "42",
        paramLabel = "S",
        description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--uci", description = "binarise and reduce to UCI 8x8 block counts 0..16")
    boolean uci;

    @Option(
        names = "--exclude",
        paramLabel = "REGEX",
        description =
            "leave out fonts whose file or font name matches (default: symbol, dingbat and math"
                + " fonts)")
    String exclude;

    @Option(
        names = "--max-rotation",
        defaultValue = "12",
        paramLabel = "DEG",
        description = "largest rotation either way in degrees (default: ${DEFAULT-VALUE})")
    double maxRotation;

    @Option(
        names = "--max-stroke",
        defaultValue = "0.08",
        paramLabel = "F",
        description =
            "largest extra stroke width as a fraction of the canvas (default: ${DEFAULT-VALUE})")
    double maxStroke;

    Options(PrintWriter out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      Pattern excluded;
      try {
        excluded = exclude == null ? FontLibrary.DEFAULT_EXCLUDE : Pattern.compile(exclude);
      } catch (PatternSyntaxException e) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--exclude is not a regular expression: " + e.getDescription());
      }
      List<Path> where = fonts == null || fonts.isEmpty() ? FontLibrary.DEFAULT_FOLDERS : fonts;
      FontLibrary library =
          (fonts == null ? FontLibrary.scan(where, excluded) : FontLibrary.of(where, excluded))
              .requireFonts();
      GlyphAugmentation d = GlyphAugmentation.defaults();
      GlyphAugmentation style =
          new GlyphAugmentation(d.minSize(), d.maxSize(), d.maxShift(), maxRotation, maxStroke);
      GlyphSetRenderer.Request request =
          new GlyphSetRenderer.Request(
              CharacterSets.resolve(chars), library, perFont, seed, uci, style);
      GlyphSetRenderer.Summary s = new GlyphSetRenderer().write(request, file);
      out.println(
          "wrote "
              + s.rows()
              + " rows ("
              + s.perClass().size()
              + " classes, "
              + s.fontsUsed().size()
              + " fonts) to "
              + s.csv());
      out.println("sidecar: " + s.sidecar());
      if (!s.skipped().isEmpty()) {
        out.println(
            "skipped "
                + s.skipped().size()
                + " font/character pairs the font cannot render (listed in the sidecar), e.g. "
                + s.skipped().get(0));
      }
      out.println(
          "read it with reader pixel-csv and options "
              + new java.util.TreeMap<>(GlyphSetRenderer.readerOptions(uci)));
      return 0;
    }
  }
}
