package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.engine.report.HtmlReport;
import dev.graft.engine.report.RunResultJson;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.TargetSummary;
import dev.graft.engine.run.Winner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path temp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GraftCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void reRendersTheReportAndPrintsItsPath() throws Exception {
    RunResult result = smallResult();
    RunResultJson.write(result, temp);
    Files.writeString(temp.resolve("report.html"), "stale");

    Result r = run("report", temp.toString());

    assertEquals(GraftCli.EXIT_OK, r.code(), r.err());
    Path report = temp.resolve("report.html").toAbsolutePath();
    assertEquals(report.toString(), r.out().strip());
    assertEquals(HtmlReport.render(result), Files.readString(report));
  }

  @Test
  void missingResultIsExitOneWithTheErrorId() {
    Result r = run("report", temp.resolve("no-run").toString());
    assertEquals(GraftCli.EXIT_ERROR, r.code());
    assertTrue(r.err().contains("GRAFT-IO-001"), r.err());
    assertTrue(r.err().contains("result.json"), r.err());
  }

  @Test
  void malformedResultIsExitOneNamingFileAndPath() throws Exception {
    Files.writeString(temp.resolve("result.json"), "{\"format\": 3}");
    Result r = run("report", temp.toString());
    assertEquals(GraftCli.EXIT_ERROR, r.code());
    assertTrue(r.err().contains("GRAFT-IO-003"), r.err());
    assertTrue(r.err().contains("$.format"), r.err());
    assertFalse(Files.exists(temp.resolve("report.html")));
  }

  private static RunResult smallResult() {
    MetricSummary accuracy =
        new MetricSummary("accuracy", true, 0.8, 0.75, 0.85, List.of(0.78, 0.82));
    return new RunResult(
        "cli-job",
        "name: cli-job\n",
        Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:01:00Z"),
        new TargetSummary("t", "/t", "sha256:00", 10, List.of("a", "b"), List.of(5, 5), 0),
        "holdout",
        "accuracy",
        List.of(new RankedSource("src", 1, 1.0, Map.of("logme", 1.0), Map.of("logme", 0.1), true)),
        List.of(
            new StrategyOutcome(
                "scratch",
                "src",
                List.of(accuracy),
                GuardVerdict.BASELINE,
                0,
                0,
                0,
                List.of(),
                new int[][] {{4, 1}, {1, 4}},
                List.of(),
                1.0)),
        List.of(),
        new Winner(
            "scratch", "src", "accuracy", 0.8, "no transfer beat scratch beyond noise", "model"),
        List.of(),
        Map.of("read", 0.1),
        Map.of("seed", "1"));
  }
}
