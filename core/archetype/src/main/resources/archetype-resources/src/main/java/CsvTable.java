package ${package};

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a numeric CSV file with a header row: one column holds the class label (any text), every
 * other column a number. Examples are {@code float[]} rows of the numeric columns, labels are the
 * distinct label texts in sorted order. Shared by the reader and the source loader.
 */
final class CsvTable {

  private CsvTable() {}

  /**
   * Reads a file.
   *
   * @param file the CSV file
   * @param labelColumn the header name of the label column
   * @param delimiter the column delimiter
   * @param policy FAIL stops at the first bad row; SKIP drops it and reports it
   * @param maxExamples 0 for all rows, else the most rows to keep
   * @return the labelled data set (modality TABULAR) and the skipped rows
   * @throws GraftException GRAFT-IO-001 if the file cannot be read, {@link
   *     ${classPrefix}Errors#NO_LABEL_COLUMN}, {@link ${classPrefix}Errors#BAD_ROW}, or GRAFT-DATA-003
   *     if no row is left
   */
  static ReadResult<float[]> read(
      Path file, String labelColumn, char delimiter, BadInputPolicy policy, int maxExamples) {
    if (!Files.isRegularFile(file)) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          file + " is not a readable file; give the path of a CSV file with a header row.");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new GraftException(
          ${classPrefix}Errors.NO_LABEL_COLUMN, file + " is empty; it needs a header row.");
    }
    String regex = java.util.regex.Pattern.quote(String.valueOf(delimiter));
    List<String> header = Arrays.stream(lines[0].split(regex, -1)).map(String::trim).toList();
    int label = header.indexOf(labelColumn);
    if (label < 0) {
      throw new GraftException(
          ${classPrefix}Errors.NO_LABEL_COLUMN,
          file
              + " has no column '"
              + labelColumn
              + "' (columns: "
              + header
              + "); name the label column with the reader option label-column.");
    }
    List<float[]> examples = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<ReadResult.SkippedInput> skipped = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      if (maxExamples > 0 && examples.size() == maxExamples) {
        break;
      }
      String where = file + " line " + (i + 1);
      String[] cells = lines[i].split(regex, -1);
      String problem = null;
      float[] x = new float[header.size() - 1];
      if (cells.length != header.size()) {
        problem = cells.length + " values where the header has " + header.size();
      } else {
        for (int c = 0, j = 0; c < cells.length && problem == null; c++) {
          if (c == label) {
            continue;
          }
          try {
            x[j] = Float.parseFloat(cells[c].trim());
            if (!Float.isFinite(x[j])) {
              problem = "column '" + header.get(c) + "' is " + cells[c].trim();
            }
          } catch (NumberFormatException e) {
            problem = "column '" + header.get(c) + "' is '" + cells[c].trim() + "', not a number";
          }
          j++;
        }
        if (problem == null && cells[label].isBlank()) {
          problem = "the label is empty";
        }
      }
      if (problem != null) {
        if (policy == BadInputPolicy.FAIL) {
          throw new GraftException(
              ${classPrefix}Errors.BAD_ROW,
              where + ": " + problem + ". Fix the row, or read with on-bad-input SKIP.");
        }
        skipped.add(new ReadResult.SkippedInput(where, problem));
        continue;
      }
      examples.add(x);
      labels.add(cells[label].trim());
    }
    if (examples.isEmpty()) {
      throw new GraftException(GraftErrors.EMPTY_INPUT, file + " has no usable data rows.");
    }
    List<String> names = List.copyOf(new TreeSet<>(labels));
    int[] y = labels.stream().mapToInt(names::indexOf).toArray();
    DatasetInfo info =
        new DatasetInfo(
            file.getFileName().toString(),
            Modality.TABULAR,
            file.toAbsolutePath().toString(),
            digest(bytes, labelColumn + delimiter + maxExamples),
            Map.of("format", "csv", "features", Integer.toString(header.size() - 1)));
    return new ReadResult<>(Dataset.labelled(info, examples, ClassLabels.of(y, names)), skipped);
  }

  /** {@code sha256:<hex>} of the file's bytes and the settings that shape the result. */
  static String digest(byte[] bytes, String settings) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      sha.update(settings.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
