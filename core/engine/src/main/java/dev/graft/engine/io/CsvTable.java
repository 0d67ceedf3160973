package dev.graft.engine.io;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV file split into cells: comma, semicolon or tab separated (detected from the first data
 * line), blank lines skipped, an optional header line detected as a first line with a cell that is
 * not a number while the second line is all numbers. Every row must have the same number of cells.
 *
 * @param file the file read
 * @param header the header cells, empty if none
 * @param rows the data cells
 * @param lineNumbers the 1-based line number of each data row, for error messages
 */
public record CsvTable(Path file, List<String> header, List<String[]> rows, int[] lineNumbers) {

  /**
   * Reads and splits a CSV file.
   *
   * @param file the file
   * @return the table
   * @throws InvalidInputException GRAFT-IO-001 if unreadable, GRAFT-IO-003 if empty or ragged
   */
  public static CsvTable read(Path file) {
    List<String> lines;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = in.lines().toList();
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "file " + file + " does not exist; check the path.", e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "file " + file + " cannot be read: " + e.getMessage(), e);
    }
    List<String[]> rows = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    Pattern separator = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      if (separator == null) {
        separator = detectSeparator(line);
      }
      String[] cells = separator.split(line.strip(), -1);
      for (int c = 0; c < cells.length; c++) {
        cells[c] = unquote(cells[c].strip());
      }
      rows.add(cells);
      numbers.add(i + 1);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT, "file " + file + " has no data rows; it must not be empty.");
    }
    List<String> header = List.of();
    if (rows.size() >= 2 && !allNumeric(rows.get(0)) && allNumeric(rows.get(1))) {
      header = List.of(rows.remove(0));
      numbers.remove(0);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT, "file " + file + " has a header but no data rows.");
    }
    int width = rows.get(0).length;
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).length != width) {
        throw new InvalidInputException(
            GraftErrors.MALFORMED_FILE,
            file
                + ", line "
                + numbers.get(r)
                + ": has "
                + rows.get(r).length
                + " values but line "
                + numbers.get(0)
                + " has "
                + width
                + "; every row needs the same number of columns.");
      }
    }
    return new CsvTable(file, header, rows, numbers.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Parses one cell as a finite or non-finite double.
   *
   * @param row data row index
   * @param col column index
   * @return the value
   * @throws InvalidInputException GRAFT-IO-003 naming the file, line and column
   */
  public double number(int row, int col) {
    String cell = rows.get(row)[col];
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          file
              + ", line "
              + lineNumbers[row]
              + ", column "
              + (col + 1)
              + ": '"
              + cell
              + "' is not a number; the file must hold numbers only (one optional header line).",
          e);
    }
  }

  /**
   * Number of data rows.
   *
   * @return rows
   */
  public int rowCount() {
    return rows.size();
  }

  /**
   * Number of columns.
   *
   * @return columns
   */
  public int columnCount() {
    return rows.get(0).length;
  }

  private static Pattern detectSeparator(String line) {
    if (line.indexOf(',') >= 0) {
      return Pattern.compile(",");
    }
    if (line.indexOf(';') >= 0) {
      return Pattern.compile(";");
    }
    if (line.indexOf('\t') >= 0) {
      return Pattern.compile("\t");
    }
    return Pattern.compile("\\s+");
  }

  private static String unquote(String cell) {
    if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
      return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
    return cell;
  }

  private static boolean allNumeric(String[] cells) {
    for (String c : cells) {
      try {
        Double.parseDouble(c);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
