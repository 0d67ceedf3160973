package dev.graft.engine.report;

import dev.graft.engine.run.ProjectedPoint;
import java.util.List;
import java.util.TreeSet;

/**
 * The PCA scatter of source and target features: colour tells the group, marker shape the class
 * index, so a reader sees whether the source's features cover the target's.
 */
final class ProjectionChart {

  private static final double WIDTH = 720;
  private static final double PLOT = 420;
  private static final String OTHER = "#9ca3af";
  private static final String[] SHAPES = {
    "circle", "square", "triangle", "diamond", "triangle-down", "cross"
  };

  private ProjectionChart() {}

  /**
   * Draws the scatter plot.
   *
   * @param points the projected points
   * @param classes target class names, used to name class indices in the legend
   * @return the SVG markup, or null if no point has finite coordinates
   */
  static String render(List<ProjectedPoint> points, List<String> classes) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    TreeSet<Integer> labels = new TreeSet<>();
    for (ProjectedPoint p : points) {
      if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
        minX = Math.min(minX, p.x());
        maxX = Math.max(maxX, p.x());
        minY = Math.min(minY, p.y());
        maxY = Math.max(maxY, p.y());
        labels.add(p.label());
      }
    }
    if (labels.isEmpty()) {
      return null;
    }
    Frame frame = new Frame(70, 10, PLOT, PLOT - 60);
    Scale x = Scale.nice(minX, maxX, frame.left(), frame.right());
    Scale y = Scale.nice(minY, maxY, frame.bottom(), frame.top());
    double legendRows = 3 + Math.min(labels.size(), SHAPES.length);
    Svg svg =
        new Svg(
            WIDTH,
            Math.max(frame.bottom() + 46, 30 + legendRows * 18),
            "Source and target features projected on their first two principal components");
    frame.xAxis(svg, x, "principal component 1");
    frame.yAxis(svg, y, "principal component 2");
    for (String group : List.of(Pca2D.SOURCE, Pca2D.TARGET)) {
      svg.open("g", "class", "points " + group, "fill", colour(group), "fill-opacity", 0.65);
      for (ProjectedPoint p : points) {
        if (group.equals(p.group()) && Double.isFinite(p.x()) && Double.isFinite(p.y())) {
          marker(svg, x.at(p.x()), y.at(p.y()), p.label(), 3.5, colour(group));
        }
      }
      svg.close("g");
    }
    otherGroups(svg, points, x, y);
    legend(svg, frame.right() + 30, labels, classes);
    return svg.finish();
  }

  /** Points whose group is neither source nor target, drawn in grey so none is lost. */
  private static void otherGroups(Svg svg, List<ProjectedPoint> points, Scale x, Scale y) {
    boolean any =
        points.stream()
            .anyMatch(p -> !Pca2D.SOURCE.equals(p.group()) && !Pca2D.TARGET.equals(p.group()));
    if (!any) {
      return;
    }
    svg.open("g", "class", "points other", "fill", OTHER, "fill-opacity", 0.65);
    for (ProjectedPoint p : points) {
      boolean other = !Pca2D.SOURCE.equals(p.group()) && !Pca2D.TARGET.equals(p.group());
      if (other && Double.isFinite(p.x()) && Double.isFinite(p.y())) {
        marker(svg, x.at(p.x()), y.at(p.y()), p.label(), 3.5, OTHER);
      }
    }
    svg.close("g");
  }

  private static String colour(String group) {
    return Pca2D.SOURCE.equals(group) ? Palette.SOURCE : Palette.TARGET;
  }

  private static void legend(Svg svg, double left, TreeSet<Integer> labels, List<String> classes) {
    svg.open("g", "class", "legend", "font-size", "12", "fill", Palette.INK);
    double y = 20;
    for (String group : List.of(Pca2D.SOURCE, Pca2D.TARGET)) {
      svg.element("circle", "cx", left + 5, "cy", y - 4, "r", 5, "fill", colour(group));
      svg.text(left + 16, y, group + " features");
      y += 18;
    }
    svg.text(left, y + 4, "marker shape = class index:");
    y += 22;
    int shown = 0;
    for (int label : labels) {
      if (shown == SHAPES.length) {
        svg.text(left, y, "(shapes repeat every " + SHAPES.length + " classes)");
        break;
      }
      svg.open("g", "fill", Palette.INK);
      marker(svg, left + 5, y - 4, label, 4.5, Palette.INK);
      svg.close("g");
      String name =
          label >= 0 && label < classes.size()
              ? " (target: " + Text.clip(classes.get(label), 18) + ")"
              : "";
      svg.text(left + 16, y, "class " + label + name);
      y += 18;
      shown++;
    }
    svg.close("g");
  }

  private static void marker(Svg svg, double cx, double cy, int label, double r, String colour) {
    switch (SHAPES[Math.floorMod(label, SHAPES.length)]) {
      case "circle" -> svg.element("circle", "cx", cx, "cy", cy, "r", r);
      case "square" ->
          svg.element("rect", "x", cx - r, "y", cy - r, "width", 2 * r, "height", 2 * r);
      case "triangle" ->
          svg.element("polygon", "points", points(cx, cy - r, cx + r, cy + r, cx - r, cy + r));
      case "diamond" ->
          svg.element("polygon", "points", points(cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy));
      case "triangle-down" ->
          svg.element("polygon", "points", points(cx - r, cy - r, cx + r, cy - r, cx, cy + r));
      default ->
          svg.element(
              "path",
              "d",
              "M"
                  + points(cx - r, cy - r)
                  + "L"
                  + points(cx + r, cy + r)
                  + "M"
                  + points(cx + r, cy - r)
                  + "L"
                  + points(cx - r, cy + r),
              "stroke",
              colour,
              "stroke-width",
              1.5);
    }
  }

  private static String points(double... coordinates) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < coordinates.length; i += 2) {
      out.append(i == 0 ? "" : " ")
          .append(Text.coordinate(coordinates[i]))
          .append(',')
          .append(Text.coordinate(coordinates[i + 1]));
    }
    return out.toString();
  }
}
