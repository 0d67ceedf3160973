package dev.graft.engine.report;

/**
 * The plot area of a chart inside its drawing, and the axes drawn along it.
 *
 * @param left x of the plot area's left edge
 * @param top y of its top edge
 * @param width its width
 * @param height its height
 */
record Frame(double left, double top, double width, double height) {

  /**
   * The x of the right edge.
   *
   * @return {@code left + width}
   */
  double right() {
    return left + width;
  }

  /**
   * The y of the bottom edge.
   *
   * @return {@code top + height}
   */
  double bottom() {
    return top + height;
  }

  /**
   * Draws a value axis along the bottom with vertical grid lines and a title.
   *
   * @param svg the drawing
   * @param scale maps values to x
   * @param title the axis title
   */
  void xAxis(Svg svg, Scale scale, String title) {
    svg.open("g", "class", "axis x-axis", "font-size", "11", "fill", Palette.INK);
    for (double tick : scale.ticks()) {
      double x = scale.at(tick);
      svg.element("line", "x1", x, "y1", top, "x2", x, "y2", bottom(), "stroke", Palette.GRID);
      svg.text(x, bottom() + 14, scale.label(tick), "text-anchor", "middle");
    }
    svg.element(
        "line", "x1", left, "y1", bottom(), "x2", right(), "y2", bottom(), "stroke", Palette.INK);
    svg.text(left + width / 2, bottom() + 32, title, "text-anchor", "middle");
    svg.close("g");
  }

  /**
   * Draws a value axis along the left with horizontal grid lines and a rotated title.
   *
   * @param svg the drawing
   * @param scale maps values to y
   * @param title the axis title
   */
  void yAxis(Svg svg, Scale scale, String title) {
    svg.open("g", "class", "axis y-axis", "font-size", "11", "fill", Palette.INK);
    for (double tick : scale.ticks()) {
      double y = scale.at(tick);
      svg.element("line", "x1", left, "y1", y, "x2", right(), "y2", y, "stroke", Palette.GRID);
      svg.text(left - 6, y + 4, scale.label(tick), "text-anchor", "end");
    }
    svg.element("line", "x1", left, "y1", top, "x2", left, "y2", bottom(), "stroke", Palette.INK);
    double cx = left - 44;
    double cy = top + height / 2;
    svg.text(
        cx,
        cy,
        title,
        "text-anchor",
        "middle",
        "transform",
        "rotate(-90 " + Text.coordinate(cx) + " " + Text.coordinate(cy) + ")");
    svg.close("g");
  }
}
