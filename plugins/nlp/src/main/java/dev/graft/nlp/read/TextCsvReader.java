package dev.graft.nlp.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.sdk.read.ReaderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads texts and labels from a CSV or TSV file (gzipped or not): one record per row, fields
 * optionally quoted (RFC 4180, so texts may hold delimiters, quotes and line breaks). The text and
 * label columns are named by header or given by 0-based index. A misspelled column name is an error
 * that suggests the closest header name.
 *
 * <table>
 *   <caption>options</caption>
 *   <tr><td>{@code text-column}</td><td>header name or index (default {@code text}; {@code 0}
 *       without a header)</td></tr>
 *   <tr><td>{@code label-column}</td><td>header name, index, or {@code none} (default {@code
 *       label}; {@code 1} without a header)</td></tr>
 *   <tr><td>{@code header}</td><td>{@code true} (default) or {@code false}</td></tr>
 *   <tr><td>{@code delimiter}</td><td>one character or {@code tab} (default: tab for {@code .tsv}
 *       and {@code .tab}, else comma)</td></tr>
 *   <tr><td>{@code classes}</td><td>comma-separated classes to keep, in label order</td></tr>
 *   <tr><td>{@code max-chars}</td><td>longer texts are truncated and counted (default
 *       20000)</td></tr>
 * </table>
 */
@Extension
public final class TextCsvReader implements DatasetReader {

  /** The reader id. */
  public static final String ID = "text-csv";

  static final Map<String, String> OPTIONS =
      Map.of(
          "text-column", "header name or 0-based index",
          "label-column", "header name, 0-based index, or none",
          "header", "true or false",
          "delimiter", "one character or tab",
          "classes", "comma-separated class names to keep",
          "max-chars", "longest text in characters, longer ones are truncated");

  /** Creates the reader. */
  public TextCsvReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Texts and labels from CSV/TSV files (quoted fields with line breaks, named or indexed"
        + " columns, gzip).";
  }

  @Override
  public Capabilities capabilities() {
    return TextReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of("csv", "tsv");
  }

  @Override
  public Class<?> exampleType() {
    return Text.class;
  }

  @Override
  public boolean accepts(Path path) {
    String n =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    n = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    return Files.isRegularFile(path)
        && (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".tab"));
  }

  @Override
  public ReadResult<Text> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    char delimiter = delimiter(opts, path);
    boolean header = opts.choice("header", "true", Set.of("true", "false")).equals("true");
    int maxChars = (int) opts.longValue("max-chars", TextRecords.DEFAULT_MAX_CHARS, 1, 10_000_000);
    List<String> requested = TextReaders.classes(opts);
    List<Utf8Lines.Line> lines = Utf8Lines.read(path);
    List<CsvRecords.Record> records = CsvRecords.parse(lines, delimiter);
    TextRecords out = new TextRecords(ID, path, options, maxChars);
    if (records.isEmpty()) {
      throw new InvalidInputException(
          NlpErrors.NO_EXAMPLES, path + " is empty; a " + ID + " file needs rows of text.");
    }
    List<String> names = new ArrayList<>();
    int first = 0;
    if (header) {
      CsvRecords.Record h = records.get(0);
      if (h.error() != null) {
        throw new InvalidInputException(
            h.invalidUtf8() ? NlpErrors.INVALID_UTF8 : NlpErrors.MALFORMED_RECORD,
            path + ":" + h.line() + ": the header row is malformed: " + h.error() + ".");
      }
      names.addAll(h.fields());
      first = 1;
    } else {
      for (int c = 0; c < records.get(0).fields().size(); c++) {
        names.add(Integer.toString(c));
      }
    }
    int textColumn = column(opts, "text-column", header ? "text" : "0", names, header, path);
    String labelSpec = opts.string("label-column").orElse(header ? "label" : "1");
    boolean labelled = !labelSpec.equalsIgnoreCase("none");
    int labelColumn = labelled ? column(opts, "label-column", labelSpec, names, header, path) : -1;
    int width = names.size();
    out.fact("format", delimiter == '\t' ? "tsv" : "csv");
    out.fact("text-column", names.get(textColumn));
    if (labelled) {
      out.fact("label-column", names.get(labelColumn));
    }
    for (int r = first; r < records.size() && !out.full(); r++) {
      CsvRecords.Record rec = records.get(r);
      String where = path + ":" + rec.line();
      if (rec.error() != null) {
        out.bad(
            rec.invalidUtf8() ? NlpErrors.INVALID_UTF8 : NlpErrors.MALFORMED_RECORD,
            where,
            rec.error());
      } else if (header && rec.fields().size() != width) {
        out.bad(
            NlpErrors.MALFORMED_RECORD,
            where,
            "the row has "
                + rec.fields().size()
                + " fields, the header "
                + width
                + "; quote fields that contain '"
                + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
                + "'");
      } else if (rec.fields().size() <= Math.max(textColumn, labelColumn)) {
        out.bad(
            NlpErrors.MALFORMED_RECORD,
            where,
            "the row has "
                + rec.fields().size()
                + " fields; it needs column "
                + Math.max(textColumn, labelColumn));
      } else {
        out.add(
            rec.fields().get(textColumn), labelled ? rec.fields().get(labelColumn) : null, where);
      }
    }
    return out.finish(labelled, requested);
  }

  private static int column(
      ReaderOptions opts, String key, String dflt, List<String> names, boolean header, Path path) {
    String wanted = opts.string(key).orElse(dflt);
    int byName = names.indexOf(wanted);
    if (header && byName >= 0) {
      return byName;
    }
    if (wanted.matches("\\d{1,6}")) {
      int index = Integer.parseInt(wanted);
      if (index < names.size()) {
        return index;
      }
      throw new InvalidInputException(
          NlpErrors.MISSING_COLUMN,
          "reader '"
              + ID
              + "' option '"
              + key
              + "' is column "
              + index
              + " but "
              + path
              + " has "
              + names.size()
              + " columns (0 to "
              + (names.size() - 1)
              + ").");
    }
    if (!header) {
      throw opts.invalid(key, wanted, "a 0-based column index when header=false");
    }
    throw new InvalidInputException(
        NlpErrors.MISSING_COLUMN,
        "reader '"
            + ID
            + "': "
            + path
            + " has no column '"
            + wanted
            + "' (option '"
            + key
            + "')"
            + ColumnNames.hint(wanted, names)
            + ". Set --option "
            + key
            + "=NAME.");
  }

  private static char delimiter(ReaderOptions opts, Path path) {
    String raw = opts.string("delimiter").orElse(null);
    if (raw == null) {
      String n = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
      n = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
      return n.endsWith(".tsv") || n.endsWith(".tab") ? '\t' : ',';
    }
    if (raw.isEmpty() || raw.equalsIgnoreCase("tab") || raw.equals("\\t")) {
      return '\t';
    }
    if (raw.length() != 1 || raw.charAt(0) == '"' || Character.isLetterOrDigit(raw.charAt(0))) {
      throw opts.invalid(
          "delimiter", raw, "one character other than a letter, digit or '\"', or tab");
    }
    return raw.charAt(0);
  }
}
