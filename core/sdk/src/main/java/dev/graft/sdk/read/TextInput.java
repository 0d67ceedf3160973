package dev.graft.sdk.read;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Opening files that may be gzipped (detected by the magic bytes, not the name) and splitting CSV.
 */
public final class TextInput {

  private TextInput() {}

  /**
   * Opens a file, transparently un-gzipping it if it starts with the gzip magic bytes.
   *
   * @param file the file
   * @return a buffered stream of the (decompressed) content
   * @throws InvalidInputException GRAFT-IO-001 if it cannot be opened
   */
  public static InputStream open(Path file) {
    try {
      return maybeGunzip(Files.newInputStream(file));
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot open " + file + ": " + e + "; check that it exists and is readable.",
          e);
    }
  }

  /**
   * Wraps a stream, un-gzipping it if it starts with {@code 1f 8b}.
   *
   * @param raw the stream
   * @return a buffered stream of the (decompressed) content
   * @throws IOException if reading the first bytes fails
   */
  public static InputStream maybeGunzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /**
   * A UTF-8 line reader over a possibly gzipped stream.
   *
   * @param raw the stream
   * @return the reader
   * @throws IOException if the first bytes cannot be read
   */
  public static BufferedReader lines(InputStream raw) throws IOException {
    return new BufferedReader(new InputStreamReader(maybeGunzip(raw), StandardCharsets.UTF_8));
  }

  /**
   * Splits one CSV line: fields separated by {@code delimiter}, optionally in double quotes (a
   * doubled quote inside quotes is a literal quote). Quoted fields may not span lines.
   *
   * @param line the line
   * @param delimiter the separator
   * @return the fields, unquoted; surrounding spaces of unquoted fields are trimmed
   */
  public static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(ch);
        }
      } else if (ch == '"' && cur.toString().isBlank()) {
        cur.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (ch == delimiter) {
        fields.add(wasQuoted ? cur.toString() : cur.toString().trim());
        cur.setLength(0);
        wasQuoted = false;
      } else {
        cur.append(ch);
      }
    }
    fields.add(wasQuoted ? cur.toString() : cur.toString().trim());
    return fields;
  }

  /**
   * Quotes a CSV field if it contains the delimiter, a quote, or leading/trailing spaces.
   *
   * @param field the value
   * @param delimiter the separator
   * @return the field as written
   */
  public static String quote(String field, char delimiter) {
    if (field.indexOf(delimiter) < 0
        && field.indexOf('"') < 0
        && field.equals(field.trim())
        && !field.isEmpty()) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
