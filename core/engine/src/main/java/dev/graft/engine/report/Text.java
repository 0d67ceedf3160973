package dev.graft.engine.report;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML page and its SVG charts. */
final class Text {

  private Text() {}

  /**
   * Escapes text for HTML and XML content and attribute values; characters XML forbids are replaced
   * by U+FFFD.
   *
   * @param text the text, may be null (rendered as nothing)
   * @return the escaped text
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          boolean forbidden =
              (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0xFFFE || c == 0xFFFF;
          out.append(forbidden ? '\uFFFD' : c);
        }
      }
    }
    return out.toString();
  }

  /**
   * Shortens text for a chart label.
   *
   * @param text the text, may be null
   * @param max the most characters kept
   * @return the text, or its first {@code max - 1} characters and an ellipsis
   */
  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * A metric value for people: four decimals, scientific notation for very large or small values,
   * {@code n/a} for NaN.
   *
   * @param value the value
   * @return the formatted value
   */
  static String value(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    double abs = Math.abs(value);
    if (abs >= 1e5 || (abs < 1e-3 && abs > 0)) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /**
   * A value with a signed prefix, for differences.
   *
   * @param value the value
   * @return e.g. {@code +0.0123}
   */
  static String signed(double value) {
    String v = value(value);
    return value > 0 ? "+" + v : v;
  }

  /**
   * A 95% interval as {@code [lower, upper]}, or a note when there is none.
   *
   * @param lower lower end
   * @param upper upper end
   * @return the interval text
   */
  static String interval(double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper)) {
      return "no interval (one run)";
    }
    return "95% CI [" + value(lower) + ", " + value(upper) + "]";
  }

  /**
   * A mean with the half-width of its 95% interval.
   *
   * @param mean the mean
   * @param lower lower end of the interval
   * @param upper upper end of the interval
   * @return e.g. {@code 0.9123 ± 0.0120}, or the mean alone when there is no interval
   */
  static String meanPlusMinus(double mean, double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper)) {
      return value(mean);
    }
    return value(mean) + " ± " + value((upper - lower) / 2);
  }

  /**
   * Seconds for people.
   *
   * @param seconds the duration
   * @return e.g. {@code 12.3 s}, or {@code n/a}
   */
  static String seconds(double seconds) {
    if (Double.isNaN(seconds)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  /**
   * A coordinate or length for SVG: at most two decimals, no trailing zeros, never {@code -0}.
   *
   * @param value the value (finite)
   * @return the formatted value
   */
  static String coordinate(double value) {
    long hundredths = Math.round(value * 100);
    if (hundredths == 0) {
      return "0";
    }
    String sign = hundredths < 0 ? "-" : "";
    long abs = Math.abs(hundredths);
    long whole = abs / 100;
    long fraction = abs % 100;
    if (fraction == 0) {
      return sign + whole;
    }
    return sign
        + whole
        + (fraction % 10 == 0
            ? "." + fraction / 10
            : String.format(Locale.ROOT, ".%02d", fraction));
  }
}
