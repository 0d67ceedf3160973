package dev.graft.engine.report;

/**
 * A small builder for inline SVG: elements with attributes given as name/value pairs, text and
 * tooltips escaped, numbers written with at most two decimals so equal input gives equal output.
 */
final class Svg {

  /** The SVG namespace, the one URL a report may contain. */
  static final String NAMESPACE = "http://www.w3.org/2000/svg";

  private final StringBuilder out = new StringBuilder();

  /**
   * Starts a drawing.
   *
   * @param width width in pixels
   * @param height height in pixels
   * @param label what the drawing shows, for screen readers
   */
  Svg(double width, double height, String label) {
    out.append("<svg xmlns=\"").append(NAMESPACE).append('"');
    attributes(
        "class",
        "chart",
        "width",
        width,
        "height",
        height,
        "viewBox",
        "0 0 " + Text.coordinate(width) + " " + Text.coordinate(height),
        "role",
        "img",
        "aria-label",
        label);
    out.append(">\n");
  }

  /**
   * Opens an element that will hold others.
   *
   * @param tag the tag
   * @param attributes name/value pairs
   * @return this builder
   */
  Svg open(String tag, Object... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append(">\n");
    return this;
  }

  /**
   * Closes an element.
   *
   * @param tag the tag
   * @return this builder
   */
  Svg close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /**
   * Adds an empty element.
   *
   * @param tag the tag
   * @param attributes name/value pairs
   * @return this builder
   */
  Svg element(String tag, Object... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("/>\n");
    return this;
  }

  /**
   * Adds an empty-looking element that carries a tooltip.
   *
   * @param tag the tag
   * @param tooltip the tooltip text
   * @param attributes name/value pairs
   * @return this builder
   */
  Svg withTooltip(String tag, String tooltip, Object... attributes) {
    out.append('<').append(tag);
    attributes(attributes);
    out.append("><title>")
        .append(Text.escape(tooltip))
        .append("</title></")
        .append(tag)
        .append(">\n");
    return this;
  }

  /**
   * Adds text.
   *
   * @param x anchor x
   * @param y baseline y
   * @param text the text
   * @param attributes further name/value pairs (e.g. {@code text-anchor})
   * @return this builder
   */
  Svg text(double x, double y, String text, Object... attributes) {
    out.append("<text");
    attributes("x", x, "y", y);
    attributes(attributes);
    out.append('>').append(Text.escape(text)).append("</text>\n");
    return this;
  }

  /**
   * Finishes the drawing.
   *
   * @return the SVG markup
   */
  String finish() {
    return out.append("</svg>\n").toString();
  }

  private void attributes(Object... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(' ').append(pairs[i]).append("=\"").append(value(pairs[i + 1])).append('"');
    }
  }

  private static String value(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return Text.coordinate(((Number) value).doubleValue());
    }
    return Text.escape(String.valueOf(value));
  }
}
