package dev.graft.engine.report;

import dev.graft.engine.run.RankedSource;
import java.util.List;

/** A horizontal bar per source: its consensus rank (mean rank over estimators), best on top. */
final class RankingChart {

  private static final double ROW = 22;
  private static final double LABEL_WIDTH = 170;
  private static final double WIDTH = 720;

  private RankingChart() {}

  /**
   * Draws the chart.
   *
   * @param ranking the sources, best first
   * @return the SVG markup
   */
  static String render(List<RankedSource> ranking) {
    double max = 1;
    for (RankedSource s : ranking) {
      if (Double.isFinite(s.consensusRank())) {
        max = Math.max(max, s.consensusRank());
      }
    }
    Frame frame = new Frame(LABEL_WIDTH, 10, WIDTH - LABEL_WIDTH - 40, ranking.size() * ROW);
    Scale x = Scale.nice(0, max, frame.left(), frame.right());
    Svg svg =
        new Svg(WIDTH, frame.bottom() + 44, "Consensus rank of each source; shorter is better");
    frame.xAxis(svg, x, "consensus rank: mean of the estimators' ranks (shorter bar = better)");
    svg.open("g", "class", "bars", "font-size", "12");
    for (int i = 0; i < ranking.size(); i++) {
      RankedSource s = ranking.get(i);
      double y = frame.top() + i * ROW;
      svg.text(
          frame.left() - 8, y + ROW / 2 + 4, Text.clip(s.sourceId(), 24), "text-anchor", "end");
      if (!Double.isFinite(s.consensusRank())) {
        svg.text(frame.left() + 4, y + ROW / 2 + 4, "n/a");
        continue;
      }
      double end = x.at(s.consensusRank());
      svg.withTooltip(
          "rect",
          s.sourceId()
              + ": consensus rank "
              + Text.value(s.consensusRank())
              + (s.selected() ? " (strategies ran on it)" : " (not selected)"),
          "x",
          frame.left(),
          "y",
          y + 3,
          "width",
          Math.max(0.0, end - frame.left()),
          "height",
          ROW - 6,
          "fill",
          s.selected() ? Palette.series(0) : "#cbd5e1");
      svg.text(end + 4, y + ROW / 2 + 4, Text.value(s.consensusRank()), "fill", Palette.INK);
    }
    svg.close("g");
    return svg.finish();
  }
}
