package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputException;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ClassNames;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.sdk.read.TextInput;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads images stored one per CSV row as pixel values plus a label column: the format of the UCI
 * handwritten digits ({@code digits.csv.gz}: 64 values 0..16 and the digit) and of Kaggle's MNIST
 * CSVs. Gzipped files are detected by their magic bytes.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code width}, {@code height}: image size; if neither is given the image is taken to be
 *       square and its side is inferred from the first data row
 *   <li>{@code channels}: values per pixel, 1 (default) or 3 (interleaved RGB)
 *   <li>{@code label-column}: 0-based index, {@code first}, {@code last} (default), a header name,
 *       or {@code none} for an unlabelled file
 *   <li>{@code header}: {@code auto} (default: the first row is a header if a pixel field is not a
 *       number, or if the label column is given by name), {@code true}, {@code false}
 *   <li>{@code max-value}: the value that means full intensity (default 255; UCI digits: 16);
 *       values must lie in {@code [0, max-value]}
 *   <li>{@code delimiter}: one character, or {@code tab} (default {@code ,})
 * </ul>
 *
 * <p>Labels are the label column's text; classes are sorted (numerically when all are integers).
 * Blank lines are ignored. Bad rows (wrong field count, unparsable or out-of-range value, empty
 * label) are reported with their line numbers.
 */
@Extension
public final class PixelCsvReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "pixel-csv";

  private static final Map<String, String> OPTIONS =
      Map.of(
          "width", "image width in pixels",
          "height", "image height in pixels",
          "channels", "1 or 3 values per pixel, default 1",
          "label-column", "0-based index, first, last (default), a header name, or none",
          "header", "auto (default), true or false",
          "max-value", "value of full intensity, default 255",
          "delimiter", "one character or 'tab', default ','");

  /** Creates the reader. */
  public PixelCsvReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Pixel-row CSV: one image per row plus a label column (UCI digits, MNIST CSV).";
  }

  @Override
  public Capabilities capabilities() {
    return VisionReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public Class<?> exampleType() {
    return Image.class;
  }

  @Override
  public boolean accepts(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
      return false;
    }
    try (InputStream raw = Files.newInputStream(path);
        BufferedReader lines = TextInput.lines(raw)) {
      for (int i = 0; i < 3; i++) {
        String line = lines.readLine();
        if (line == null) {
          return false;
        }
        List<String> fields = TextInput.split(line, ',');
        if (fields.size() >= 17 && numeric(fields.get(fields.size() / 2))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ReadResult<Image> read(Path path, ReadOptions options) {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          file
              + " is not a readable file; reader '"
              + ID
              + "' expects a CSV file (optionally .gz).");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), DatasetAssembler.nameOf(file), options);
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads from a stream (e.g. a resource shipped in a jar).
   *
   * @param in the CSV content, plain or gzipped; not closed
   * @param location how to name it in errors and in the data set info
   * @param name the data set name
   * @param options how to read
   * @return the data set and what was skipped
   */
  public ReadResult<Image> read(InputStream in, String location, String name, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    Layout layout = Layout.from(opts);
    BadInputLog log = new BadInputLog();
    List<Image> images = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int lineNo = 0;
    try {
      BufferedReader lines = TextInput.lines(in);
      String line;
      List<String> header = null;
      boolean first = true;
      while ((line = lines.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = TextInput.split(line, layout.delimiter);
        if (first) {
          first = false;
          if (layout.isHeader(fields)) {
            header = fields;
            layout.resolveLabelColumn(header, location);
            continue;
          }
          layout.resolveLabelColumn(null, location);
        }
        layout.resolveSize(fields.size(), location, lineNo);
        String where = location + ":" + lineNo;
        try {
          Image image = layout.parseImage(fields, where);
          if (layout.labelColumn >= 0) {
            labels.add(layout.label(fields, where));
          }
          images.add(image);
        } catch (BadInputException e) {
          log.add(e);
        }
        if (options.maxExamples() > 0 && images.size() >= options.maxExamples()) {
          break;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          VisionErrors.MALFORMED_CSV_ROW,
          location
              + " cannot be read after line "
              + lineNo
              + ": "
              + e
              + "; the file is truncated or not valid (gzipped) text.",
          e);
    }
    log.failIfAny(options.onBadInput(), ID, location);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", ID);
    facts.put("max-value", Double.toString(layout.maxValue));
    if (layout.labelColumn < 0) {
      return DatasetAssembler.build(ID, name, location, images, null, List.of(), log, facts);
    }
    List<String> classNames = ClassNames.sorted(labels);
    return DatasetAssembler.build(
        ID, name, location, images, ClassNames.indices(labels, classNames), classNames, log, facts);
  }

  private static boolean numeric(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The row layout: size, label column and value scale, partly resolved from the data. */
  private static final class Layout {
    private final ReaderOptions opts;
    private final String headerMode;
    private final String labelSpec;
    private final int channels;
    private final double maxValue;
    private final char delimiter;
    private int width;
    private int height;
    private int fieldCount = -1;
    private int labelColumn = Integer.MIN_VALUE;

    private Layout(ReaderOptions opts) {
      this.opts = opts;
      this.headerMode = opts.choice("header", "auto", Set.of("auto", "true", "false"));
      this.labelSpec = opts.string("label-column").orElse("last");
      this.channels = Integer.parseInt(opts.choice("channels", "1", Set.of("1", "3")));
      this.maxValue = opts.positiveDouble("max-value", 255);
      String d = opts.string("delimiter").orElse(",");
      if (d.equalsIgnoreCase("tab")) {
        d = "\t";
      }
      if (d.length() != 1 || d.equals("\"")) {
        throw opts.invalid("delimiter", d, "one character other than '\"', or 'tab'");
      }
      this.delimiter = d.charAt(0);
      Optional<Integer> w = opts.optionalInt("width", 1, 65_535);
      Optional<Integer> h = opts.optionalInt("height", 1, 65_535);
      if (w.isPresent() != h.isPresent()) {
        throw opts.invalid(
            w.isPresent() ? "height" : "width", "unset", "given together with the other side");
      }
      this.width = w.orElse(0);
      this.height = h.orElse(0);
      if (width > 0) {
        fieldCount = width * height * channels + (labelSpec.equalsIgnoreCase("none") ? 0 : 1);
      }
    }

    static Layout from(ReaderOptions opts) {
      return new Layout(opts);
    }

    boolean isHeader(List<String> fields) {
      if (headerMode.equals("true")) {
        return true;
      }
      if (headerMode.equals("false")) {
        return false;
      }
      if (!isIndexSpec(labelSpec)) {
        return true;
      }
      int label = labelIndex(fields.size());
      for (int i = 0; i < fields.size(); i++) {
        if (i != label && !numeric(fields.get(i))) {
          return true;
        }
      }
      return false;
    }

    private boolean isIndexSpec(String spec) {
      return spec.equalsIgnoreCase("first")
          || spec.equalsIgnoreCase("last")
          || spec.equalsIgnoreCase("none")
          || spec.matches("\\d+");
    }

    private int labelIndex(int fields) {
      if (labelSpec.equalsIgnoreCase("none")) {
        return -1;
      }
      if (labelSpec.equalsIgnoreCase("first")) {
        return 0;
      }
      if (labelSpec.equalsIgnoreCase("last")) {
        return fields - 1;
      }
      return labelSpec.matches("\\d+") ? Integer.parseInt(labelSpec) : -2;
    }

    void resolveLabelColumn(List<String> header, String location) {
      if (isIndexSpec(labelSpec)) {
        return;
      }
      if (header == null) {
        throw opts.invalid(
            "label-column",
            labelSpec,
            "a 0-based index, first, last or none: " + location + " has no header row");
      }
      int idx = header.indexOf(labelSpec);
      if (idx < 0) {
        throw opts.invalid(
            "label-column",
            labelSpec,
            "a column of the header of " + location + " (it has " + preview(header) + ")");
      }
      labelColumn = idx;
    }

    private static String preview(List<String> header) {
      return header.size() <= 12
          ? header.toString()
          : header.subList(0, 6) + " ... " + header.subList(header.size() - 3, header.size());
    }

    void resolveSize(int fields, String location, int lineNo) {
      if (fieldCount >= 0 && labelColumn != Integer.MIN_VALUE) {
        return;
      }
      if (fieldCount < 0) {
        int labelFields = labelSpec.equalsIgnoreCase("none") ? 0 : 1;
        int values = fields - labelFields;
        int side = (int) Math.round(Math.sqrt(values / (double) channels));
        if (values <= 0 || side * side * channels != values) {
          throw opts.invalid(
              "width",
              "unset",
              "given with height: line "
                  + lineNo
                  + " of "
                  + location
                  + " has "
                  + values
                  + " pixel values, which is not a square image with "
                  + channels
                  + " channel(s)");
        }
        width = side;
        height = side;
        fieldCount = fields;
      }
      if (labelColumn == Integer.MIN_VALUE) {
        labelColumn = labelIndex(fieldCount);
        if (labelColumn >= fieldCount) {
          throw opts.invalid(
              "label-column", labelSpec, "below the number of fields per row (" + fieldCount + ")");
        }
      }
    }

    Image parseImage(List<String> fields, String where) {
      if (fields.size() != fieldCount) {
        throw new BadInputException(
            VisionErrors.MALFORMED_CSV_ROW,
            where,
            "row has "
                + fields.size()
                + " fields; expected "
                + fieldCount
                + " ("
                + width
                + "x"
                + height
                + "x"
                + channels
                + " pixel values"
                + (labelColumn >= 0 ? " + 1 label" : "")
                + ")");
      }
      int n = width * height * channels;
      float[] values = new float[n];
      boolean eightBit = maxValue == 255;
      int k = 0;
      for (int col = 0; col < fields.size(); col++) {
        if (col == labelColumn) {
          continue;
        }
        String raw = fields.get(col);
        double v;
        try {
          v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          throw new BadInputException(
              VisionErrors.MALFORMED_CSV_ROW,
              where,
              "column " + col + " holds '" + raw + "', not a number");
        }
        if (!(v >= 0 && v <= maxValue)) {
          throw new BadInputException(
              VisionErrors.MALFORMED_CSV_ROW,
              where,
              "column "
                  + col
                  + " holds "
                  + raw
                  + ", outside [0, "
                  + maxValue
                  + "] (set option max-value to the data's full-intensity value)");
        }
        eightBit &= v == Math.rint(v);
        values[k++] = (float) (v / maxValue);
      }
      if (eightBit) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
          bytes[i] = (byte) Math.round(values[i] * 255f);
        }
        return Image.wrapBytes(width, height, channels, bytes, where);
      }
      for (int i = 0; i < n; i++) {
        values[i] = Math.min(1f, values[i]);
      }
      return Image.wrapClamped(width, height, channels, values, where);
    }

    String label(List<String> fields, String where) {
      String label = fields.get(labelColumn);
      if (label.isEmpty()) {
        throw new BadInputException(
            VisionErrors.MALFORMED_CSV_ROW, where, "label column " + labelColumn + " is empty");
      }
      return label;
    }
  }
}
