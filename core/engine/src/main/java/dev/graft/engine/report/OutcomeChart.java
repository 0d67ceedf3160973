package dev.graft.engine.report;

import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.StrategyOutcome;
import java.util.List;

/**
 * A dot per outcome at the deciding metric's mean, with a whisker over its 95% interval, coloured
 * by guard verdict; scratch is marked by a dashed vertical line.
 */
final class OutcomeChart {

  private static final double ROW = 24;
  private static final double LABEL_WIDTH = 230;
  private static final double WIDTH = 720;

  private OutcomeChart() {}

  /**
   * Draws the chart.
   *
   * @param outcomes every outcome, scratch included
   * @param metric the deciding metric
   * @return the SVG markup, or null if no outcome has a finite value of the metric
   */
  static String render(List<StrategyOutcome> outcomes, String metric) {
    String baseline = dev.graft.engine.run.RunResult.baselineOf(outcomes);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (StrategyOutcome o : outcomes) {
      MetricSummary m = o.metric(metric);
      if (m == null) {
        continue;
      }
      for (double v : new double[] {m.mean(), m.lower(), m.upper()}) {
        if (Double.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    if (low > high) {
      return null;
    }
    Frame frame = new Frame(LABEL_WIDTH, 10, WIDTH - LABEL_WIDTH - 30, outcomes.size() * ROW);
    Scale x = Scale.nice(low, high, frame.left(), frame.right());
    Svg svg =
        new Svg(WIDTH, frame.bottom() + 44, metric + " of each outcome with its 95% interval");
    frame.xAxis(svg, x, metric + " (dot: mean; whisker: 95% interval; dashed: scratch)");
    svg.open("g", "class", "scratch-marks");
    for (StrategyOutcome o : outcomes) {
      MetricSummary m = o.metric(metric);
      if (o.verdict() == GuardVerdict.BASELINE && m != null && Double.isFinite(m.mean())) {
        double sx = x.at(m.mean());
        svg.withTooltip(
            "line",
            "scratch (" + o.sourceId() + "): " + Text.value(m.mean()),
            "x1",
            sx,
            "y1",
            frame.top(),
            "x2",
            sx,
            "y2",
            frame.bottom(),
            "stroke",
            Palette.verdict(GuardVerdict.BASELINE),
            "stroke-dasharray",
            "5 4");
      }
    }
    svg.close("g");
    svg.open("g", "class", "outcome-rows", "font-size", "12");
    for (int i = 0; i < outcomes.size(); i++) {
      row(svg, frame, x, outcomes.get(i), metric, baseline, frame.top() + i * ROW + ROW / 2);
    }
    svg.close("g");
    return svg.finish();
  }

  private static void row(
      Svg svg, Frame frame, Scale x, StrategyOutcome o, String metric, String baseline, double y) {
    svg.text(
        frame.left() - 8,
        y + 4,
        Text.clip(o.strategyId() + " · " + o.sourceId(), 34),
        "text-anchor",
        "end");
    MetricSummary m = o.metric(metric);
    if (m == null || !Double.isFinite(m.mean())) {
      svg.text(frame.left() + 4, y + 4, "n/a", "fill", Palette.INK);
      return;
    }
    String colour = Palette.verdict(o.verdict());
    if (Double.isFinite(m.lower()) && Double.isFinite(m.upper())) {
      svg.element(
          "line",
          "x1",
          x.at(m.lower()),
          "y1",
          y,
          "x2",
          x.at(m.upper()),
          "y2",
          y,
          "stroke",
          colour,
          "stroke-width",
          2);
      for (double end : new double[] {m.lower(), m.upper()}) {
        svg.element(
            "line",
            "x1",
            x.at(end),
            "y1",
            y - 5,
            "x2",
            x.at(end),
            "y2",
            y + 5,
            "stroke",
            colour,
            "stroke-width",
            2);
      }
    }
    svg.withTooltip(
        "circle",
        o.strategyId()
            + " on "
            + o.sourceId()
            + ": "
            + Text.value(m.mean())
            + ", "
            + Text.interval(m.lower(), m.upper())
            + "; "
            + Verdicts.label(o.verdict(), baseline),
        "cx",
        x.at(m.mean()),
        "cy",
        y,
        "r",
        5,
        "fill",
        o.verdict() == GuardVerdict.BASELINE ? "#ffffff" : colour,
        "stroke",
        colour,
        "stroke-width",
        2);
  }
}
