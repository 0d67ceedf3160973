package dev.graft.nlp.read;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records over decoded lines: fields separated by a delimiter, optionally in double
 * quotes; a quoted field may hold the delimiter, doubled quotes ({@code ""}) and line breaks, so
 * one record can span several lines. Unquoted fields are trimmed; blank lines between records are
 * ignored.
 */
final class CsvRecords {

  /**
   * One record.
   *
   * @param line the 1-based line it starts on
   * @param lastLine the line it ends on
   * @param fields the field values
   * @param error why it is malformed (unterminated quote, text after a closing quote, invalid
   *     UTF-8), or null
   * @param invalidUtf8 whether {@code error} is about invalid UTF-8
   */
  record Record(int line, int lastLine, List<String> fields, String error, boolean invalidUtf8) {}

  private CsvRecords() {}

  /**
   * Parses lines into records.
   *
   * @param lines the decoded lines
   * @param delimiter the field delimiter
   * @return the records in order
   */
  static List<Record> parse(List<Utf8Lines.Line> lines, char delimiter) {
    List<Record> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Utf8Lines.Line first = lines.get(i);
      if (first.valid() && first.text().isBlank()) {
        i++;
        continue;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      String error = null;
      String utf8 = null;
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean afterQuote = false;
      int lineIndex = i;
      String text = first.text();
      if (!first.valid()) {
        utf8 = "line " + first.number() + ": " + first.error();
      }
      int pos = 0;
      while (true) {
        if (pos >= text.length()) {
          if (quoted) {
            if (lineIndex + 1 >= lines.size()) {
              error = "a quoted field opened here is never closed; add the closing '\"'";
              break;
            }
            cur.append('\n');
            lineIndex++;
            Utf8Lines.Line next = lines.get(lineIndex);
            if (!next.valid() && utf8 == null) {
              utf8 = "line " + next.number() + ": " + next.error();
            }
            text = next.text();
            pos = 0;
            continue;
          }
          break;
        }
        char ch = text.charAt(pos++);
        if (quoted) {
          if (ch == '"') {
            if (pos < text.length() && text.charAt(pos) == '"') {
              cur.append('"');
              pos++;
            } else {
              quoted = false;
              afterQuote = true;
            }
          } else {
            cur.append(ch);
          }
        } else if (ch == delimiter) {
          fields.add(wasQuoted ? cur.toString() : cur.toString().strip());
          cur.setLength(0);
          wasQuoted = false;
          afterQuote = false;
        } else if (afterQuote) {
          if (!Character.isWhitespace(ch) && error == null) {
            error = "text after a closing quote at column " + pos + "; quote the whole field";
          }
        } else if (ch == '"' && cur.toString().isBlank()) {
          cur.setLength(0);
          quoted = true;
          wasQuoted = true;
        } else {
          cur.append(ch);
        }
      }
      fields.add(wasQuoted ? cur.toString() : cur.toString().strip());
      out.add(
          new Record(
              first.number(),
              lines.get(lineIndex).number(),
              fields,
              utf8 != null ? utf8 : error,
              utf8 != null));
      i = lineIndex + 1;
    }
    return out;
  }
}
