package dev.graft.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.ProjectedPoint;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.TargetSummary;
import dev.graft.engine.run.Winner;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the JSON tree of a {@link RunResult}: fields in declaration order, map entries sorted by
 * key, {@code NaN} as null and infinities as strings.
 */
final class ResultJsonWriter {

  private final JsonNodeFactory nodes;

  private ResultJsonWriter(JsonNodeFactory nodes) {
    this.nodes = nodes;
  }

  /**
   * The tree of a result.
   *
   * @param nodes the node factory
   * @param result the result
   * @return the top-level object
   */
  static ObjectNode write(JsonNodeFactory nodes, RunResult result) {
    return new ResultJsonWriter(nodes).result(result);
  }

  private ObjectNode result(RunResult r) {
    ObjectNode o = nodes.objectNode();
    o.put("format", RunResultJson.FORMAT);
    o.put("formatVersion", RunResultJson.FORMAT_VERSION);
    o.put("jobName", r.jobName());
    o.put("jobSpec", r.jobSpec());
    o.put("started", instant(r.started()));
    o.put("finished", instant(r.finished()));
    o.set("target", r.target() == null ? nodes.nullNode() : target(r.target()));
    o.put("protocol", r.protocol());
    o.put("decidingMetric", r.decidingMetric());
    ArrayNode ranking = o.putArray("ranking");
    r.ranking().forEach(s -> ranking.add(ranked(s)));
    ArrayNode outcomes = o.putArray("outcomes");
    r.outcomes().forEach(s -> outcomes.add(outcome(s)));
    ArrayNode skipped = o.putArray("skipped");
    r.skipped().forEach(s -> skipped.add(skipped(s)));
    o.set("winner", r.winner() == null ? nodes.nullNode() : winner(r.winner()));
    ArrayNode projection = o.putArray("projection");
    r.projection().forEach(p -> projection.add(point(p)));
    o.set("timingsSeconds", numbers(r.timingsSeconds()));
    ObjectNode provenance = o.putObject("provenance");
    new TreeMap<>(r.provenance()).forEach(provenance::put);
    return o;
  }

  private ObjectNode target(TargetSummary t) {
    ObjectNode o = nodes.objectNode();
    o.put("name", t.name());
    o.put("location", t.location());
    o.put("digest", t.digest());
    o.put("examples", t.examples());
    ArrayNode classes = o.putArray("classes");
    t.classes().forEach(classes::add);
    ArrayNode counts = o.putArray("classCounts");
    t.classCounts().forEach(counts::add);
    o.put("skipped", t.skipped());
    return o;
  }

  private ObjectNode ranked(RankedSource s) {
    ObjectNode o = nodes.objectNode();
    o.put("sourceId", s.sourceId());
    o.put("rank", s.rank());
    putNumber(o, "consensusRank", s.consensusRank());
    o.set("scores", numbers(s.scores()));
    o.set("seconds", numbers(s.seconds()));
    o.put("selected", s.selected());
    return o;
  }

  private ObjectNode outcome(StrategyOutcome s) {
    ObjectNode o = nodes.objectNode();
    o.put("strategyId", s.strategyId());
    o.put("sourceId", s.sourceId());
    ArrayNode metrics = o.putArray("metrics");
    s.metrics().forEach(m -> metrics.add(metric(m)));
    o.put("verdict", s.verdict() == null ? null : s.verdict().name());
    putNumber(o, "differenceMean", s.differenceMean());
    putNumber(o, "differenceLower", s.differenceLower());
    putNumber(o, "differenceUpper", s.differenceUpper());
    ArrayNode curve = o.putArray("curve");
    s.curve().forEach(c -> curve.add(curvePoint(c)));
    o.set("confusion", s.confusion() == null ? nodes.nullNode() : matrix(s.confusion()));
    ArrayNode notes = o.putArray("notes");
    s.notes().forEach(notes::add);
    putNumber(o, "trainSeconds", s.trainSeconds());
    return o;
  }

  private ObjectNode metric(MetricSummary m) {
    ObjectNode o = nodes.objectNode();
    o.put("metric", m.metric());
    o.put("higherIsBetter", m.higherIsBetter());
    putNumber(o, "mean", m.mean());
    putNumber(o, "lower", m.lower());
    putNumber(o, "upper", m.upper());
    ArrayNode perRun = o.putArray("perRun");
    m.perRun().forEach(v -> perRun.add(number(v)));
    return o;
  }

  private ObjectNode curvePoint(CurvePoint c) {
    ObjectNode o = nodes.objectNode();
    o.put("labelsPerClass", c.labelsPerClass());
    putNumber(o, "mean", c.mean());
    putNumber(o, "lower", c.lower());
    putNumber(o, "upper", c.upper());
    return o;
  }

  private ArrayNode matrix(int[][] m) {
    ArrayNode rows = nodes.arrayNode();
    for (int[] row : m) {
      ArrayNode r = rows.addArray();
      for (int v : row) {
        r.add(v);
      }
    }
    return rows;
  }

  private ObjectNode skipped(SkippedStrategy s) {
    ObjectNode o = nodes.objectNode();
    o.put("strategyId", s.strategyId());
    o.put("sourceId", s.sourceId());
    o.put("reason", s.reason());
    return o;
  }

  private ObjectNode winner(Winner w) {
    ObjectNode o = nodes.objectNode();
    o.put("strategyId", w.strategyId());
    o.put("sourceId", w.sourceId());
    o.put("metric", w.metric());
    putNumber(o, "mean", w.mean());
    o.put("reason", w.reason());
    o.put("exportedTo", w.exportedTo());
    return o;
  }

  private ObjectNode point(ProjectedPoint p) {
    ObjectNode o = nodes.objectNode();
    putNumber(o, "x", p.x());
    putNumber(o, "y", p.y());
    o.put("group", p.group());
    o.put("label", p.label());
    return o;
  }

  private ObjectNode numbers(Map<String, Double> values) {
    ObjectNode o = nodes.objectNode();
    new TreeMap<>(values).forEach((k, v) -> putNumber(o, k, v));
    return o;
  }

  private void putNumber(ObjectNode o, String name, double value) {
    o.set(name, number(value));
  }

  private JsonNode number(double value) {
    if (Double.isNaN(value)) {
      return nodes.nullNode();
    }
    if (Double.isInfinite(value)) {
      return nodes.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return nodes.numberNode(value);
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
