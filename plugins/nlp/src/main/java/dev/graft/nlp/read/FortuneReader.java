package dev.graft.nlp.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.sdk.read.ReaderOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Reads fortune files, the format of BSD/Debian {@code fortune} ({@code
 * /usr/share/games/fortunes}): records separated by lines holding a single {@code %}; the class of
 * a record is its file's name (e.g. {@code science}, {@code food}). The path is one file or a
 * folder of them (its plain files, not sub-folders; {@code .dat} index files, {@code .u8} links and
 * names starting with a dot are ignored). Typewriter overstrikes ({@code _\bx}) are removed.
 *
 * <table>
 *   <caption>options</caption>
 *   <tr><td>{@code categories}</td><td>comma-separated file names to read, in label order (default:
 *       every file in the folder)</td></tr>
 *   <tr><td>{@code label}</td><td>{@code category} (default) or {@code none} (unlabelled, for
 *       self-supervised corpora)</td></tr>
 *   <tr><td>{@code strip-overstrike}</td><td>{@code true} (default) or {@code false}</td></tr>
 *   <tr><td>{@code max-chars}</td><td>as for {@code text-csv}</td></tr>
 * </table>
 */
@Extension
public final class FortuneReader implements DatasetReader {

  /** The reader id. */
  public static final String ID = "fortune";

  /** Where Debian's {@code fortunes*} packages install the English files. */
  public static final Path DEBIAN_FOLDER = Path.of("/usr/share/games/fortunes");

  private static final Pattern OVERSTRIKE = Pattern.compile("[^\\n]\\u0008");

  static final Map<String, String> OPTIONS =
      Map.of(
          "categories", "comma-separated fortune file names to read",
          "label", "category or none",
          "strip-overstrike", "true or false",
          "max-chars", "longest text in characters, longer ones are truncated");

  /** Creates the reader. */
  public FortuneReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Fortune files (records separated by '%' lines); the category is the file name.";
  }

  @Override
  public Capabilities capabilities() {
    return TextReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of("fortune");
  }

  @Override
  public Class<?> exampleType() {
    return Text.class;
  }

  @Override
  public boolean accepts(Path path) {
    if (Files.isRegularFile(path)) {
      return Files.isRegularFile(path.resolveSibling(path.getFileName() + ".dat"));
    }
    return Files.isDirectory(path) && !fortuneFiles(path).isEmpty();
  }

  @Override
  public ReadResult<Text> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    int maxChars = (int) opts.longValue("max-chars", TextRecords.DEFAULT_MAX_CHARS, 1, 10_000_000);
    boolean labelled =
        opts.choice("label", "category", Set.of("category", "none")).equals("category");
    boolean strip = opts.choice("strip-overstrike", "true", Set.of("true", "false")).equals("true");
    List<String> requested = new ArrayList<>();
    for (String c : opts.string("categories").orElse("").split(",")) {
      if (!c.isBlank() && !requested.contains(c.strip())) {
        requested.add(c.strip());
      }
    }
    List<Path> files;
    if (Files.isRegularFile(path)) {
      files = List.of(path);
    } else if (Files.isDirectory(path)) {
      List<Path> all = fortuneFiles(path);
      if (requested.isEmpty()) {
        files = all;
      } else {
        files = new ArrayList<>();
        List<String> names = all.stream().map(FortuneReader::category).toList();
        for (String c : requested) {
          int i = names.indexOf(c);
          if (i < 0) {
            throw new InvalidInputException(
                NlpErrors.EMPTY_CLASS,
                "reader '"
                    + ID
                    + "': "
                    + path
                    + " has no fortune file '"
                    + c
                    + "' (option 'categories')"
                    + ColumnNames.hint(c, names)
                    + ".");
          }
          files.add(all.get(i));
        }
      }
    } else {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          path
              + " does not exist; give a fortune file or a folder of them (Debian: "
              + DEBIAN_FOLDER
              + ", apt-get install fortunes).");
    }
    TextRecords out = new TextRecords(ID, path, options, maxChars);
    for (Path f : files) {
      String label = labelled ? category(f) : null;
      if (label != null) {
        out.declareClass(label);
      }
      readFile(f, label, strip, out);
    }
    out.fact("format", "fortune");
    out.fact("files", Integer.toString(files.size()));
    List<String> order = requested.isEmpty() || !labelled ? List.of() : requested;
    return out.finish(labelled, order);
  }

  private static void readFile(Path f, String label, boolean strip, TextRecords out) {
    List<Utf8Lines.Line> lines = Utf8Lines.read(f);
    StringBuilder record = new StringBuilder();
    int start = 1;
    String invalid = null;
    int invalidLine = 0;
    boolean any = false;
    for (int i = 0; i <= lines.size() && !out.full(); i++) {
      boolean end = i == lines.size() || lines.get(i).text().equals("%");
      if (end) {
        if (i == lines.size() && !any) {
          break;
        }
        String where = f + ":" + start;
        if (invalid != null) {
          out.bad(NlpErrors.INVALID_UTF8, f + ":" + invalidLine, invalid);
        } else {
          String text = record.toString();
          if (strip && text.indexOf('\b') >= 0) {
            text = OVERSTRIKE.matcher(text).replaceAll("");
          }
          out.add(text, label, where);
        }
        record.setLength(0);
        invalid = null;
        any = false;
        start = i + 2;
        continue;
      }
      Utf8Lines.Line line = lines.get(i);
      if (!line.valid() && invalid == null) {
        invalid = line.error();
        invalidLine = line.number();
      }
      if (any) {
        record.append('\n');
      }
      record.append(line.text());
      any = true;
    }
  }

  /** The category of a fortune file: its name without {@code .gz}. */
  static String category(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  static List<Path> fortuneFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.startsWith(".") && !n.endsWith(".dat") && !n.endsWith(".u8");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot list " + dir + ": " + e + ".", e);
    }
  }
}
