package dev.graft.engine.report;

import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.StrategyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Learning curves: the deciding metric against labels per class, one line per (strategy, source)
 * with its 95% interval shaded. Label budgets sit at equal spacing (a categorical axis), which
 * reads like a log axis for the usual doubling budgets.
 */
final class CurveChart {

  private static final double WIDTH = 720;
  private static final double LEGEND_ROW = 18;

  private CurveChart() {}

  /**
   * Draws the chart.
   *
   * @param outcomes every outcome; those with a curve become series
   * @param metric the deciding metric, for the y axis title
   * @return the SVG markup, or null if no outcome has a curve point with a finite mean
   */
  static String render(List<StrategyOutcome> outcomes, String metric) {
    List<StrategyOutcome> series = new ArrayList<>();
    TreeSet<Integer> budgets = new TreeSet<>();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (StrategyOutcome o : outcomes) {
      if (o.curve().isEmpty()) {
        continue;
      }
      series.add(o);
      for (CurvePoint p : o.curve()) {
        budgets.add(p.labelsPerClass());
        for (double v : new double[] {p.mean(), p.lower(), p.upper()}) {
          if (Double.isFinite(v)) {
            low = Math.min(low, v);
            high = Math.max(high, v);
          }
        }
      }
    }
    if (series.isEmpty() || low > high) {
      return null;
    }
    List<Integer> categories = new ArrayList<>(budgets);
    double legendHeight = series.size() * LEGEND_ROW + 10;
    Frame frame = new Frame(70, 10 + legendHeight, WIDTH - 100, 280);
    Scale y = Scale.nice(low, high, frame.bottom(), frame.top());
    Svg svg = new Svg(WIDTH, frame.bottom() + 46, "Learning curves of " + metric);
    legend(svg, series, frame);
    frame.yAxis(svg, y, metric);
    categoryAxis(svg, frame, categories);
    for (int i = 0; i < series.size(); i++) {
      drawSeries(svg, frame, y, categories, series.get(i), i);
    }
    return svg.finish();
  }

  private static double xOf(Frame frame, List<Integer> categories, int budget) {
    int index = categories.indexOf(budget);
    if (categories.size() == 1) {
      return frame.left() + frame.width() / 2;
    }
    double margin = 24;
    return frame.left() + margin + index * (frame.width() - 2 * margin) / (categories.size() - 1);
  }

  private static void categoryAxis(Svg svg, Frame frame, List<Integer> categories) {
    svg.open("g", "class", "axis x-axis", "font-size", "11", "fill", Palette.INK);
    for (int budget : categories) {
      double x = xOf(frame, categories, budget);
      svg.element(
          "line",
          "x1",
          x,
          "y1",
          frame.top(),
          "x2",
          x,
          "y2",
          frame.bottom(),
          "stroke",
          Palette.GRID);
      svg.text(x, frame.bottom() + 14, String.valueOf(budget), "text-anchor", "middle");
    }
    svg.element(
        "line",
        "x1",
        frame.left(),
        "y1",
        frame.bottom(),
        "x2",
        frame.right(),
        "y2",
        frame.bottom(),
        "stroke",
        Palette.INK);
    svg.text(
        frame.left() + frame.width() / 2,
        frame.bottom() + 32,
        "labelled examples per class (budgets evenly spaced)",
        "text-anchor",
        "middle");
    svg.close("g");
  }

  private static void legend(Svg svg, List<StrategyOutcome> series, Frame frame) {
    svg.open("g", "class", "legend", "font-size", "12");
    for (int i = 0; i < series.size(); i++) {
      double y = 10 + i * LEGEND_ROW;
      svg.element(
          "line",
          "x1",
          frame.left(),
          "y1",
          y + 6,
          "x2",
          frame.left() + 24,
          "y2",
          y + 6,
          "stroke",
          Palette.series(i),
          "stroke-width",
          2.5,
          "stroke-dasharray",
          Palette.dash(i));
      StrategyOutcome o = series.get(i);
      svg.text(frame.left() + 30, y + 10, o.strategyId() + " · " + o.sourceId());
    }
    svg.close("g");
  }

  private static void drawSeries(
      Svg svg, Frame frame, Scale y, List<Integer> categories, StrategyOutcome o, int index) {
    String colour = Palette.series(index);
    List<CurvePoint> points = new ArrayList<>(o.curve());
    points.sort((a, b) -> Integer.compare(a.labelsPerClass(), b.labelsPerClass()));
    svg.open("g", "class", "curve", "data-series", o.strategyId() + " · " + o.sourceId());
    List<CurvePoint> band = new ArrayList<>();
    for (CurvePoint p : points) {
      if (Double.isFinite(p.lower()) && Double.isFinite(p.upper())) {
        band.add(p);
      } else {
        drawBand(svg, frame, y, categories, band, colour);
        band.clear();
      }
    }
    drawBand(svg, frame, y, categories, band, colour);
    StringBuilder line = new StringBuilder();
    for (CurvePoint p : points) {
      if (Double.isFinite(p.mean())) {
        line.append(line.length() == 0 ? "" : " ")
            .append(Text.coordinate(xOf(frame, categories, p.labelsPerClass())))
            .append(',')
            .append(Text.coordinate(y.at(p.mean())));
      }
    }
    svg.element(
        "polyline",
        "points",
        line.toString(),
        "fill",
        "none",
        "stroke",
        colour,
        "stroke-width",
        2.5,
        "stroke-dasharray",
        Palette.dash(index));
    for (CurvePoint p : points) {
      if (Double.isFinite(p.mean())) {
        svg.withTooltip(
            "circle",
            o.strategyId()
                + " · "
                + o.sourceId()
                + " at "
                + p.labelsPerClass()
                + " labels per class: "
                + Text.value(p.mean())
                + ", "
                + Text.interval(p.lower(), p.upper()),
            "cx",
            xOf(frame, categories, p.labelsPerClass()),
            "cy",
            y.at(p.mean()),
            "r",
            3.5,
            "fill",
            colour);
      }
    }
    svg.close("g");
  }

  private static void drawBand(
      Svg svg,
      Frame frame,
      Scale y,
      List<Integer> categories,
      List<CurvePoint> band,
      String colour) {
    if (band.size() < 2) {
      return;
    }
    StringBuilder polygon = new StringBuilder();
    for (CurvePoint p : band) {
      append(polygon, xOf(frame, categories, p.labelsPerClass()), y.at(p.upper()));
    }
    for (int i = band.size() - 1; i >= 0; i--) {
      CurvePoint p = band.get(i);
      append(polygon, xOf(frame, categories, p.labelsPerClass()), y.at(p.lower()));
    }
    svg.element(
        "polygon",
        "points",
        polygon.toString(),
        "fill",
        colour,
        "fill-opacity",
        0.15,
        "stroke",
        "none");
  }

  private static void append(StringBuilder points, double x, double y) {
    points
        .append(points.length() == 0 ? "" : " ")
        .append(Text.coordinate(x))
        .append(',')
        .append(Text.coordinate(y));
  }
}
