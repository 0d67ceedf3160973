package dev.graft.engine.report;

import static dev.graft.engine.report.Text.escape;

import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.TargetSummary;
import dev.graft.engine.run.Winner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** The sections of {@code report.html}, each rendered from a {@link RunResult} as HTML markup. */
final class ReportSections {

  /** Pipeline steps in the order they run, for listing timings. */
  private static final List<String> STEP_ORDER =
      List.of("read", "features", "rank", "transfer", "report");

  private final RunResult result;

  /**
   * Prepares the sections of one result.
   *
   * @param result the result
   */
  ReportSections(RunResult result) {
    this.result = result;
  }

  /**
   * The summary: job, target, protocol, and the winner and why, in plain words.
   *
   * @return the markup
   */
  String summary() {
    StringBuilder out = new StringBuilder("<section id=\"summary\">\n<h2>Summary</h2>\n");
    Winner w = result.winner();
    if (w == null) {
      out.append("<p class=\"winner none\">This run chose no model.</p>\n");
    } else {
      out.append("<p class=\"winner\">The run chose <strong>")
          .append(escape(w.strategyId()))
          .append("</strong> with source <strong>")
          .append(escape(w.sourceId()))
          .append("</strong>: ")
          .append(escape(w.metric()))
          .append(' ')
          .append(escape(Text.value(w.mean())))
          .append(".</p>\n<p class=\"why\">Why: ")
          .append(escape(w.reason()))
          .append("</p>\n");
      if (w.exportedTo() != null) {
        out.append("<p>Exported to <code>")
            .append(escape(w.exportedTo()))
            .append("</code> in the run folder.</p>\n");
      }
    }
    out.append("<dl class=\"facts\">\n");
    fact(out, "Job", result.jobName());
    TargetSummary t = result.target();
    if (t != null) {
      fact(
          out,
          "Target",
          t.name()
              + " ("
              + t.examples()
              + " examples, "
              + t.classes().size()
              + " classes"
              + (t.skipped() > 0 ? ", " + t.skipped() + " bad files or rows skipped" : "")
              + ")");
      fact(out, "Read from", t.location());
    }
    fact(out, "Protocol", result.protocol());
    fact(out, "Deciding metric", result.decidingMetric());
    fact(out, "Started", result.started() == null ? "unknown" : result.started().toString());
    fact(out, "Finished", result.finished() == null ? "unknown" : result.finished().toString());
    return out.append("</dl>\n</section>\n").toString();
  }

  /**
   * The source ranking: bar chart, ranking table, per-estimator scores.
   *
   * @return the markup, or a one-line note if nothing was ranked
   */
  String ranking() {
    if (result.ranking().isEmpty()) {
      return note("No source ranking: no candidate sources were ranked.");
    }
    StringBuilder out = new StringBuilder("<section id=\"ranking\">\n<h2>Source ranking</h2>\n");
    out.append(
        "<p>Each estimator ranks the sources; the consensus rank is the mean of those ranks"
            + " (1 is best). Strategies ran on the highlighted (selected) sources.</p>\n");
    out.append(RankingChart.render(result.ranking()));
    HtmlTable table =
        new HtmlTable(
            "ranking", List.of("Rank", "Source", "Consensus rank", "Selected", "Estimator time"));
    for (RankedSource s : result.ranking()) {
      double seconds = s.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
      table.row(
          s.selected() ? "selected" : "",
          List.of(
              String.valueOf(s.rank()),
              escape(s.sourceId()),
              escape(Text.value(s.consensusRank())),
              s.selected() ? "yes" : "no",
              escape(Text.seconds(seconds))));
    }
    out.append(table.finish());
    TreeSet<String> estimators = new TreeSet<>();
    result.ranking().forEach(s -> estimators.addAll(s.scores().keySet()));
    if (!estimators.isEmpty()) {
      out.append(
          "<h3>Scores per estimator</h3>\n<p class=\"caveat\">Each estimator scores on its own"
              + " scale: compare sources within a column, never scores across columns.</p>\n");
      List<String> headers = new ArrayList<>(List.of("Source"));
      headers.addAll(estimators);
      HtmlTable scores = new HtmlTable("scores", headers);
      for (RankedSource s : result.ranking()) {
        List<String> cells = new ArrayList<>(List.of(escape(s.sourceId())));
        for (String e : estimators) {
          Double score = s.scores().get(e);
          cells.add(score == null ? "—" : escape(Text.value(score)));
        }
        scores.row(cells);
      }
      out.append(scores.finish());
    }
    return out.append("</section>\n").toString();
  }

  /**
   * The outcomes table and the dot-and-whisker chart of the deciding metric.
   *
   * @return the markup, or a one-line note if no strategy ran
   */
  String outcomes() {
    if (result.outcomes().isEmpty()) {
      return note("No outcomes: no strategy ran.");
    }
    String metric = result.decidingMetric();
    StringBuilder out = new StringBuilder("<section id=\"outcomes\">\n<h2>Outcomes</h2>\n");
    out.append("<p>The deciding metric is <strong>")
        .append(escape(metric))
        .append(
            "</strong>. A transfer counts only if the 95% interval of its paired difference to"
                + " scratch lies above zero; anything else is reported as negative transfer.</p>\n");
    HtmlTable table =
        new HtmlTable(
            "outcomes",
            List.of(
                "Strategy",
                "Source",
                metric + " (mean ± 95% interval)",
                "Guard verdict",
                "Difference to scratch",
                "Training time",
                "Notes"));
    for (StrategyOutcome o : result.outcomes()) {
      MetricSummary m = o.metric(metric);
      String value =
          m == null
              ? "n/a"
              : escape(Text.meanPlusMinus(m.mean(), m.lower(), m.upper()))
                  + "<br><small>"
                  + escape(Text.interval(m.lower(), m.upper()))
                  + "</small>";
      String difference =
          o.verdict() == GuardVerdict.BASELINE
              ? "—"
              : escape(Text.signed(o.differenceMean()))
                  + "<br><small>"
                  + escape(Text.interval(o.differenceLower(), o.differenceUpper()))
                  + "</small>";
      table.row(
          Verdicts.isNegative(o.verdict()) ? "negative" : "",
          List.of(
              escape(o.strategyId()),
              escape(o.sourceId()),
              value,
              "<span class=\"verdict\" style=\"color:"
                  + Palette.verdict(o.verdict())
                  + "\" title=\""
                  + escape(Verdicts.explanation(o.verdict(), result.baselineStrategy()))
                  + "\">"
                  + escape(Verdicts.label(o.verdict(), result.baselineStrategy()))
                  + "</span>",
              difference,
              escape(Text.seconds(o.trainSeconds())),
              escape(String.join("; ", o.notes()))));
    }
    out.append(table.finish());
    String chart = OutcomeChart.render(result.outcomes(), metric);
    out.append(
        chart == null
            ? "<p class=\"note\">No chart: no outcome has a value of " + escape(metric) + ".</p>\n"
            : chart);
    return out.append("</section>\n").toString();
  }

  /**
   * The learning curves.
   *
   * @return the markup, or a one-line note if the run recorded none
   */
  String curves() {
    String chart = CurveChart.render(result.outcomes(), result.decidingMetric());
    if (chart == null) {
      return note("No learning curves: only the budgets protocol records them.");
    }
    return "<section id=\"curves\">\n<h2>Learning curves</h2>\n<p>"
        + escape(result.decidingMetric())
        + " by number of labelled target examples per class; shaded bands are 95% intervals.</p>\n"
        + chart
        + "</section>\n";
  }

  /**
   * The winner's confusion matrix.
   *
   * @return the markup, or a one-line note if there is none
   */
  String confusion() {
    Winner w = result.winner();
    int[][] matrix = null;
    if (w != null) {
      for (StrategyOutcome o : result.outcomes()) {
        if (Objects.equals(o.strategyId(), w.strategyId())
            && Objects.equals(o.sourceId(), w.sourceId())) {
          matrix = o.confusion();
          break;
        }
      }
    }
    if (matrix == null || matrix.length == 0) {
      return note(
          "No confusion matrix: the winner has none (no winner, or not a classification task).");
    }
    List<String> classes = result.target() == null ? List.of() : result.target().classes();
    return "<section id=\"confusion\">\n<h2>Confusion matrix of the winner</h2>\n"
        + "<p>First run; rows are true classes, columns predicted classes; shading is the share of"
        + " the true class.</p>\n"
        + ConfusionChart.render(matrix, classes)
        + "</section>\n";
  }

  /**
   * The PCA scatter of source versus target features.
   *
   * @return the markup, or a one-line note if the run recorded no projection
   */
  String projection() {
    List<String> classes = result.target() == null ? List.of() : result.target().classes();
    String chart = ProjectionChart.render(result.projection(), classes);
    if (chart == null) {
      return note("No feature projection: the run recorded none.");
    }
    return "<section id=\"projection\">\n<h2>Source vs target features (PCA)</h2>\n"
        + "<p>Features of the best source and of the target, projected onto the first two principal"
        + " components of both together. Target points far from every source point suggest the"
        + " source's features do not cover the target.</p>\n"
        + chart
        + "</section>\n";
  }

  /**
   * The strategies that could not run, with reasons.
   *
   * @return the markup, or a one-line note if none was skipped
   */
  String skipped() {
    if (result.skipped().isEmpty()) {
      return note("No strategy was skipped.");
    }
    HtmlTable table = new HtmlTable("skipped", List.of("Strategy", "Source", "Reason"));
    for (SkippedStrategy s : result.skipped()) {
      table.row(List.of(escape(s.strategyId()), escape(s.sourceId()), escape(s.reason())));
    }
    return "<section id=\"skipped\">\n<h2>Skipped strategies</h2>\n"
        + table.finish()
        + "</section>\n";
  }

  /**
   * Wall time per pipeline step and in total.
   *
   * @return the markup
   */
  String timings() {
    HtmlTable table = new HtmlTable("timings", List.of("Step", "Wall time"));
    for (Map.Entry<String, Double> step : orderedTimings().entrySet()) {
      table.row(List.of(escape(step.getKey()), escape(Text.seconds(step.getValue()))));
    }
    if (result.started() != null && result.finished() != null) {
      Duration total = Duration.between(result.started(), result.finished());
      table.row(
          "total",
          List.of("total (start to finish)", escape(Text.seconds(total.toMillis() / 1000.0))));
    }
    return "<section id=\"timings\">\n<h2>Timings</h2>\n" + table.finish() + "</section>\n";
  }

  /**
   * Versions, seeds, digests and the job spec, collapsed.
   *
   * @return the markup
   */
  String provenance() {
    StringBuilder out =
        new StringBuilder(
            "<section id=\"provenance\">\n<details>\n<summary>Provenance: versions, seed, digests, job"
                + " spec</summary>\n");
    HtmlTable table = new HtmlTable("provenance", List.of("Key", "Value"));
    new TreeMap<>(result.provenance())
        .forEach((k, v) -> table.row(List.of(escape(k), "<code>" + escape(v) + "</code>")));
    TargetSummary t = result.target();
    if (t != null && t.digest() != null) {
      table.row(List.of("target digest", "<code>" + escape(t.digest()) + "</code>"));
    }
    out.append(table.finish());
    if (result.jobSpec() != null) {
      out.append("<h3>Job spec</h3>\n<pre>").append(escape(result.jobSpec())).append("</pre>\n");
    }
    return out.append("</details>\n</section>\n").toString();
  }

  private Map<String, Double> orderedTimings() {
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String step : STEP_ORDER) {
      if (result.timingsSeconds().containsKey(step)) {
        ordered.put(step, result.timingsSeconds().get(step));
      }
    }
    new TreeMap<>(result.timingsSeconds()).forEach(ordered::putIfAbsent);
    return ordered;
  }

  private static void fact(StringBuilder out, String name, String value) {
    out.append("<dt>")
        .append(escape(name))
        .append("</dt><dd>")
        .append(escape(value == null ? "—" : value))
        .append("</dd>\n");
  }

  private static String note(String text) {
    return "<p class=\"note\">" + escape(text) + "</p>\n";
  }
}
