package dev.graft.sdk.read;

import dev.graft.api.error.ErrorId;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A CSV manifest of {@code path,label[,...]} rows naming example files, as the image, audio and
 * similar readers take it. Relative paths are resolved against the CSV's folder; rows keep the
 * manifest's order (the user's declared order, not a file-system listing); blank lines are skipped.
 * The first non-blank row is a header with {@code header=true}, or with {@code header=auto} when
 * its first field does not look like an example path.
 *
 * <p>Each bad row is added to the {@link BadInputLog} with the modality's error id and the location
 * {@code <csv name>:<line>}, checked in this order: a field count outside {@code minFields ..
 * maxFields} ({@code row has N fields; expected <expected>}), an empty label ({@code the label is
 * empty}), a path that is not valid ({@code '<path>' is not a valid path}), a missing file ({@code
 * <noun> '<path>' does not exist (looked for <file>)}).
 */
public final class CsvManifest {

  /**
   * One good row.
   *
   * @param file the example file, absolute and normalised
   * @param label the label (trimmed if the manifest trims labels)
   * @param fields every field of the row as split
   * @param location {@code <csv name>:<line> (<path as written>)}, for reports about the file
   */
  public record Row(Path file, String label, List<String> fields, String location) {

    /**
     * Copies the fields.
     *
     * @param file the example file
     * @param label the label
     * @param fields the row's fields
     * @param location where the row is
     */
    public Row {
      fields = List.copyOf(fields);
    }
  }

  private final ErrorId malformedRow;
  private final String noun;
  private final int minFields;
  private final int maxFields;
  private final String expected;
  private final Predicate<String> looksLikePath;
  private final boolean trimLabels;

  /**
   * Describes a manifest format.
   *
   * @param malformedRow the error id of every bad row
   * @param noun what a file is called in messages, e.g. {@code image} or {@code clip}
   * @param minFields fewest fields in a row (at least 2: path and label)
   * @param maxFields most fields in a row
   * @param expected the expected row shape in the field-count message, e.g. {@code 2 (path,label)}
   * @param looksLikePath whether a first field looks like an example path (header and format
   *     detection)
   * @param trimLabels whether labels are trimmed, so a blank label counts as empty; otherwise only
   *     a zero-length label is empty and labels are kept as split
   */
  public CsvManifest(
      ErrorId malformedRow,
      String noun,
      int minFields,
      int maxFields,
      String expected,
      Predicate<String> looksLikePath,
      boolean trimLabels) {
    if (minFields < 2 || maxFields < minFields) {
      throw new IllegalArgumentException("fields " + minFields + ".." + maxFields);
    }
    this.malformedRow = malformedRow;
    this.noun = noun;
    this.minFields = minFields;
    this.maxFields = maxFields;
    this.expected = expected;
    this.looksLikePath = looksLikePath;
    this.trimLabels = trimLabels;
  }

  /**
   * Whether {@code path} looks like such a manifest: a {@code .csv} file one of whose first two
   * lines has an allowed number of fields and a first field that looks like an example path.
   *
   * @param path the candidate
   * @return true if a reader of this manifest should claim it
   */
  public boolean accepts(Path path) {
    if (!Files.isRegularFile(path)
        || !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return false;
    }
    try (InputStream raw = Files.newInputStream(path);
        BufferedReader lines = TextInput.lines(raw)) {
      for (int i = 0; i < 2; i++) {
        String line = lines.readLine();
        if (line == null) {
          return false;
        }
        List<String> f = TextInput.split(line, ',');
        if (f.size() >= minFields && f.size() <= maxFields && looksLikePath.test(f.get(0))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads the good rows of a manifest, adding every bad row to {@code log}.
   *
   * @param csv the manifest, absolute and normalised, an existing file
   * @param headerMode {@code auto}, {@code true} or {@code false}
   * @param maxExamples stop after this many good rows, 0 for all
   * @param log receives the bad rows
   * @return the good rows in manifest order
   * @throws InvalidInputException GRAFT-IO-001 if the file cannot be read
   */
  public List<Row> read(Path csv, String headerMode, int maxExamples, BadInputLog log) {
    Path base = csv.getParent();
    String name = csv.getFileName().toString();
    List<Row> rows = new ArrayList<>();
    int lineNo = 0;
    try (InputStream raw = Files.newInputStream(csv);
        BufferedReader lines = TextInput.lines(raw)) {
      String line;
      boolean first = true;
      while ((line = lines.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = TextInput.split(line, ',');
        if (first) {
          first = false;
          boolean header =
              headerMode.equals("true")
                  || (headerMode.equals("auto") && !f.isEmpty() && !looksLikePath.test(f.get(0)));
          if (header) {
            continue;
          }
        }
        String loc = name + ":" + lineNo;
        if (f.size() < minFields || f.size() > maxFields) {
          log.add(malformedRow, loc, "row has " + f.size() + " fields; expected " + expected);
          continue;
        }
        if (trimLabels ? f.get(1).isBlank() : f.get(1).isEmpty()) {
          log.add(malformedRow, loc, "the label is empty");
          continue;
        }
        Path file;
        try {
          file = base.resolve(f.get(0)).normalize();
        } catch (InvalidPathException e) {
          log.add(malformedRow, loc, "'" + f.get(0) + "' is not a valid path");
          continue;
        }
        if (!Files.isRegularFile(file)) {
          log.add(
              malformedRow,
              loc,
              noun + " '" + f.get(0) + "' does not exist (looked for " + file + ")");
          continue;
        }
        rows.add(
            new Row(file, trimLabels ? f.get(1).trim() : f.get(1), f, loc + " (" + f.get(0) + ")"));
        if (maxExamples > 0 && rows.size() >= maxExamples) {
          break;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read " + csv + " after line " + lineNo + ": " + e.getMessage(),
          e);
    }
    return rows;
  }
}
