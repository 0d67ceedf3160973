package dev.graft.nlp.read;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.sdk.read.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file as strictly decoded UTF-8 lines. Lines end at {@code \n} (a preceding {@code \r} is
 * dropped); a UTF-8 byte-order mark at the start is dropped; gzip is detected from the magic bytes.
 * A line whose bytes are not valid UTF-8 is kept with {@link Line#error()} naming the byte column,
 * so readers can report (or skip) the record that holds it with its file and line.
 */
final class Utf8Lines {

  /**
   * One line.
   *
   * @param number the 1-based line number
   * @param text the decoded text (malformed bytes replaced by U+FFFD when {@code error} is set)
   * @param error why the line is not valid UTF-8, or null
   */
  record Line(int number, String text, String error) {
    boolean valid() {
      return error == null;
    }
  }

  private Utf8Lines() {}

  /**
   * Reads a file.
   *
   * @param file the file
   * @return its lines (no trailing empty line for a final newline)
   * @throws InvalidInputException GRAFT-IO-001 if the file cannot be read
   */
  static List<Line> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          file + " does not exist or is not a file; check the path.");
    }
    byte[] bytes;
    try (InputStream in = TextInput.open(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + file + ": " + e + ".", e);
    }
    return split(bytes);
  }

  /**
   * Splits bytes into decoded lines.
   *
   * @param bytes the content
   * @return the lines
   */
  static List<Line> split(byte[] bytes) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    int number = 1;
    for (int i = start; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i == bytes.length && i == start) {
          break;
        }
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        lines.add(decode(bytes, start, end, number++));
        start = i + 1;
      }
    }
    return lines;
  }

  /**
   * Decodes a whole file as one strict UTF-8 string.
   *
   * @param file the file
   * @return the text, or a line whose error says where the first malformed byte is
   */
  static Line whole(Path file) {
    byte[] bytes;
    try (InputStream in = TextInput.open(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE, "cannot read " + file + ": " + e + ".", e);
    }
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
    Line decoded = decode(bytes, start, bytes.length, 1);
    if (decoded.valid()) {
      return decoded;
    }
    for (Line l : split(bytes)) {
      if (!l.valid()) {
        return new Line(l.number(), decoded.text(), l.error());
      }
    }
    return decoded;
  }

  private static Line decode(byte[] bytes, int from, int to, int number) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    try {
      return new Line(number, decoder.decode(in).toString(), null);
    } catch (CharacterCodingException e) {
      int column = firstMalformed(bytes, from, to);
      String lenient = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      return new Line(
          number,
          lenient,
          String.format(
              java.util.Locale.ROOT,
              "invalid UTF-8 at byte %d of the line (0x%02x); save the file as UTF-8 (e.g."
                  + " iconv -f latin1 -t utf-8)",
              column + 1,
              bytes[from + column] & 0xff));
    }
  }

  private static int firstMalformed(byte[] bytes, int from, int to) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    CharBuffer out = CharBuffer.allocate(to - from + 1);
    CoderResult r = decoder.decode(in, out, true);
    return r.isError() ? in.position() - from : 0;
  }
}
