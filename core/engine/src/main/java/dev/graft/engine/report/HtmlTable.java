package dev.graft.engine.report;

import java.util.List;

/** Builds an HTML table whose header cells are escaped and whose body cells are given as markup. */
final class HtmlTable {

  private final StringBuilder out = new StringBuilder();

  /**
   * Starts a table.
   *
   * @param cssClass the table's class attribute
   * @param headers the column titles (plain text, escaped here)
   */
  HtmlTable(String cssClass, List<String> headers) {
    out.append("<table class=\"").append(Text.escape(cssClass)).append("\">\n<thead><tr>");
    for (String header : headers) {
      out.append("<th>").append(Text.escape(header)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
  }

  /**
   * Adds a row.
   *
   * @param cells the cells as HTML markup (callers escape text with {@link Text#escape})
   * @return this table
   */
  HtmlTable row(List<String> cells) {
    return row("", cells);
  }

  /**
   * Adds a row with a class attribute.
   *
   * @param cssClass the row's class attribute (empty for none)
   * @param cells the cells as HTML markup
   * @return this table
   */
  HtmlTable row(String cssClass, List<String> cells) {
    out.append(cssClass.isEmpty() ? "<tr>" : "<tr class=\"" + Text.escape(cssClass) + "\">");
    for (String cell : cells) {
      out.append("<td>").append(cell).append("</td>");
    }
    out.append("</tr>\n");
    return this;
  }

  /**
   * Finishes the table.
   *
   * @return the markup
   */
  String finish() {
    return out.append("</tbody>\n</table>\n").toString();
  }
}
