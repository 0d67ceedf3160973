package dev.graft.engine.report;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.ProjectedPoint;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.TargetSummary;
import dev.graft.engine.run.Winner;
import java.util.Arrays;
import java.util.List;

/** Rebuilds a {@link RunResult} from the JSON tree {@link ResultJsonWriter} produces. */
final class ResultJsonReader {

  private ResultJsonReader() {}

  /**
   * Reads the top-level object.
   *
   * @param root the top-level value
   * @return the result
   * @throws InvalidInputException GRAFT-IO-003 naming the file and JSON path of the first problem
   */
  static RunResult read(JsonField root) {
    checkFormat(root);
    JsonField target = root.get("target");
    JsonField winner = root.get("winner");
    return new RunResult(
        root.get("jobName").text(),
        root.get("jobSpec").text(),
        root.get("started").instant(),
        root.get("finished").instant(),
        target.isNull() ? null : target(target),
        root.get("protocol").text(),
        root.get("decidingMetric").text(),
        root.get("ranking").list(ResultJsonReader::ranked),
        root.get("outcomes").list(ResultJsonReader::outcome),
        root.get("skipped").list(ResultJsonReader::skipped),
        winner.isNull() ? null : winner(winner),
        root.get("projection").list(ResultJsonReader::point),
        root.get("timingsSeconds").map(JsonField::number),
        root.get("provenance").map(JsonField::requiredText));
  }

  private static void checkFormat(JsonField root) {
    JsonField format = root.get("format");
    String name = format.requiredText();
    int version = root.get("formatVersion").integer();
    if (!RunResultJson.FORMAT.equals(name) || version != RunResultJson.FORMAT_VERSION) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          format.where()
              + ": holds format "
              + name
              + " version "
              + version
              + " but this Graft reads "
              + RunResultJson.FORMAT
              + " version "
              + RunResultJson.FORMAT_VERSION
              + ". Re-render it with the Graft version that wrote it.");
    }
  }

  private static TargetSummary target(JsonField t) {
    return new TargetSummary(
        t.get("name").text(),
        t.get("location").text(),
        t.get("digest").text(),
        t.get("examples").integer(),
        t.get("classes").list(JsonField::requiredText),
        t.get("classCounts").list(JsonField::integer),
        t.get("skipped").integer());
  }

  private static RankedSource ranked(JsonField s) {
    return new RankedSource(
        s.get("sourceId").text(),
        s.get("rank").integer(),
        s.get("consensusRank").number(),
        s.get("scores").map(JsonField::number),
        s.get("seconds").map(JsonField::number),
        s.get("selected").bool());
  }

  private static StrategyOutcome outcome(JsonField s) {
    JsonField confusion = s.get("confusion");
    return new StrategyOutcome(
        s.get("strategyId").text(),
        s.get("sourceId").text(),
        s.get("metrics").list(ResultJsonReader::metric),
        verdict(s.get("verdict")),
        s.get("differenceMean").number(),
        s.get("differenceLower").number(),
        s.get("differenceUpper").number(),
        s.get("curve").list(ResultJsonReader::curvePoint),
        confusion.isNull() ? null : matrix(confusion),
        s.get("notes").list(JsonField::requiredText),
        s.get("trainSeconds").number());
  }

  private static GuardVerdict verdict(JsonField v) {
    String name = v.text();
    if (name == null) {
      return null;
    }
    try {
      return GuardVerdict.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          v.where()
              + ": unknown guard verdict \""
              + name
              + "\"; expected one of "
              + Arrays.toString(GuardVerdict.values())
              + ". "
              + JsonField.ADVICE,
          e);
    }
  }

  private static MetricSummary metric(JsonField m) {
    return new MetricSummary(
        m.get("metric").text(),
        m.get("higherIsBetter").bool(),
        m.get("mean").number(),
        m.get("lower").number(),
        m.get("upper").number(),
        m.get("perRun").list(JsonField::number));
  }

  private static CurvePoint curvePoint(JsonField c) {
    return new CurvePoint(
        c.get("labelsPerClass").integer(),
        c.get("mean").number(),
        c.get("lower").number(),
        c.get("upper").number());
  }

  private static int[][] matrix(JsonField m) {
    List<int[]> rows =
        m.list(row -> row.list(JsonField::integer).stream().mapToInt(Integer::intValue).toArray());
    return rows.toArray(new int[0][]);
  }

  private static SkippedStrategy skipped(JsonField s) {
    return new SkippedStrategy(
        s.get("strategyId").text(), s.get("sourceId").text(), s.get("reason").text());
  }

  private static Winner winner(JsonField w) {
    return new Winner(
        w.get("strategyId").text(),
        w.get("sourceId").text(),
        w.get("metric").text(),
        w.get("mean").number(),
        w.get("reason").text(),
        w.get("exportedTo").text());
  }

  private static ProjectedPoint point(JsonField p) {
    return new ProjectedPoint(
        p.get("x").number(), p.get("y").number(), p.get("group").text(), p.get("label").integer());
  }
}
