package dev.graft.engine.report;

import java.util.List;
import java.util.Locale;

/**
 * A confusion-matrix heatmap: rows are true classes, columns predicted classes; a cell's shade is
 * its share of the true class (its row), and its count is written in it when it fits.
 */
final class ConfusionChart {

  private static final double LABEL_WIDTH = 140;
  private static final double HEADER_HEIGHT = 110;

  private ConfusionChart() {}

  /**
   * Draws the heatmap. Its cells are exactly the {@code <rect>} elements of the group with class
   * {@code heatmap-cells}, one per matrix entry.
   *
   * @param matrix counts, {@code [true][predicted]}
   * @param classes class names (indices are shown for classes beyond the list)
   * @return the SVG markup
   */
  static String render(int[][] matrix, List<String> classes) {
    int rows = matrix.length;
    int cols = 0;
    for (int[] row : matrix) {
      cols = Math.max(cols, row.length);
    }
    double cell = Math.max(6, Math.min(44, 520.0 / Math.max(1, Math.max(rows, cols))));
    boolean showCounts = cell >= 22;
    double left = LABEL_WIDTH;
    double top = HEADER_HEIGHT;
    Svg svg =
        new Svg(
            left + cols * cell + 20,
            top + rows * cell + 30,
            "Confusion matrix: true class by row, predicted class by column");
    svg.open("g", "class", "heatmap-labels", "font-size", "11", "fill", Palette.INK);
    for (int r = 0; r < rows; r++) {
      svg.text(
          left - 6,
          top + r * cell + cell / 2 + 4,
          Text.clip(name(classes, r), 20),
          "text-anchor",
          "end");
    }
    for (int c = 0; c < cols; c++) {
      double x = left + c * cell + cell / 2 + 4;
      double y = top - 6;
      svg.text(
          x,
          y,
          Text.clip(name(classes, c), 16),
          "text-anchor",
          "start",
          "transform",
          "rotate(-50 " + Text.coordinate(x) + " " + Text.coordinate(y) + ")");
    }
    svg.text(
        left + cols * cell / 2,
        top + rows * cell + 20,
        "predicted class →",
        "text-anchor",
        "middle");
    svg.text(4, 14, "true class ↓ / predicted class →", "font-weight", "bold");
    svg.close("g");
    svg.open("g", "class", "heatmap-cells");
    for (int r = 0; r < rows; r++) {
      long rowTotal = 0;
      for (int v : matrix[r]) {
        rowTotal += v;
      }
      for (int c = 0; c < cols; c++) {
        int count = c < matrix[r].length ? matrix[r][c] : 0;
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        svg.withTooltip(
            "rect",
            "true "
                + name(classes, r)
                + ", predicted "
                + name(classes, c)
                + ": "
                + count
                + String.format(Locale.ROOT, " (%.1f%% of true %s)", 100 * share, name(classes, r)),
            "x",
            left + c * cell,
            "y",
            top + r * cell,
            "width",
            cell,
            "height",
            cell,
            "fill",
            shade(share),
            "stroke",
            "#ffffff");
      }
    }
    svg.close("g");
    if (showCounts) {
      svg.open("g", "class", "heatmap-counts", "font-size", "11", "text-anchor", "middle");
      for (int r = 0; r < rows; r++) {
        long rowTotal = 0;
        for (int v : matrix[r]) {
          rowTotal += v;
        }
        for (int c = 0; c < cols; c++) {
          int count = c < matrix[r].length ? matrix[r][c] : 0;
          double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
          svg.text(
              left + c * cell + cell / 2,
              top + r * cell + cell / 2 + 4,
              String.valueOf(count),
              "fill",
              share > 0.5 ? "#ffffff" : "#111827");
        }
      }
      svg.close("g");
    }
    return svg.finish();
  }

  private static String name(List<String> classes, int index) {
    return index < classes.size() ? classes.get(index) : "class " + index;
  }

  /** White at 0 to deep blue at 1. */
  private static String shade(double share) {
    int r = (int) Math.round(255 + (29 - 255) * share);
    int g = (int) Math.round(255 + (78 - 255) * share);
    int b = (int) Math.round(255 + (216 - 255) * share);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
