package dev.graft.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.Winner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultJsonTest {

  @TempDir Path temp;

  @Test
  void roundTripGivesAnEqualResult() {
    RunResult written = ReportFixtures.realistic();
    Path file = RunResultJson.write(written, temp);
    assertEquals(temp.resolve("result.json"), file);
    RunResult read = RunResultJson.read(file);
    assertEquals(written, read);
    StrategyOutcome single = read.outcomes().get(2);
    assertTrue(Double.isNaN(single.metric("accuracy").lower()));
    assertTrue(Double.isNaN(single.differenceUpper()));
    assertNull(single.confusion());
    assertEquals(40, read.projection().size());
  }

  @Test
  void outputIsStableAndReadable() throws Exception {
    RunResult result = ReportFixtures.realistic();
    String json = RunResultJson.toJson(result);
    assertEquals(json, RunResultJson.toJson(RunResultJson.parse(json, "x")));
    assertTrue(json.contains("\"started\" : \"2024-05-01T12:00:00Z\""), json);
    assertTrue(json.contains("\"lower\" : null"), json);
    assertFalse(json.contains("NaN"), json);
    // fixed field order, map keys sorted
    assertTrue(json.indexOf("\"jobName\"") < json.indexOf("\"ranking\""));
    assertTrue(json.indexOf("\"ranking\"") < json.indexOf("\"winner\""));
    assertTrue(json.indexOf("\"knn-probe\"") < json.indexOf("\"linear-probe\""));
    assertTrue(json.indexOf("\"features\"") < json.indexOf("\"read\""));
  }

  @Test
  void infinitiesAndMissingWinnerRoundTrip() {
    RunResult base = ReportFixtures.realistic();
    RunResult odd =
        new RunResult(
            base.jobName(),
            null,
            base.started(),
            null,
            base.target(),
            base.protocol(),
            base.decidingMetric(),
            base.ranking(),
            base.outcomes(),
            List.of(),
            null,
            List.of(),
            java.util.Map.of("rank", Double.POSITIVE_INFINITY, "read", Double.NEGATIVE_INFINITY),
            base.provenance());
    assertEquals(odd, RunResultJson.parse(RunResultJson.toJson(odd), "odd.json"));
  }

  @Test
  void missingFileIsIo001NamingIt() {
    Path missing = temp.resolve("nope/result.json");
    GraftException e = assertThrows(GraftException.class, () -> RunResultJson.read(missing));
    assertEquals(GraftErrors.FILE_NOT_READABLE, e.errorId());
    assertTrue(e.getMessage().startsWith("GRAFT-IO-001"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void brokenJsonIsIo003NamingFileAndPlace() throws Exception {
    Path file = temp.resolve("result.json");
    String json = RunResultJson.toJson(ReportFixtures.realistic());
    Files.writeString(file, json.substring(0, json.indexOf("\"outcomes\"") + 40));
    GraftException e = assertThrows(GraftException.class, () -> RunResultJson.read(file));
    assertEquals(GraftErrors.MALFORMED_FILE, e.errorId());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("$.outcomes[0]"), e.getMessage());
    assertTrue(e.getMessage().contains("line "), e.getMessage());
  }

  @Test
  void wrongTypeIsIo003NamingTheJsonPath() throws Exception {
    Path file = temp.resolve("result.json");
    String json = RunResultJson.toJson(ReportFixtures.realistic());
    Files.writeString(file, json.replaceFirst("\"mean\" : 0.92", "\"mean\" : \"high\""));
    GraftException e = assertThrows(GraftException.class, () -> RunResultJson.read(file));
    assertEquals(GraftErrors.MALFORMED_FILE, e.errorId());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("$.outcomes[1].metrics[0].mean"), e.getMessage());
    assertTrue(e.getMessage().contains("expected a number"), e.getMessage());
  }

  @Test
  void missingFieldAndUnknownVerdictAreIo003() {
    String json = RunResultJson.toJson(ReportFixtures.realistic());
    GraftException missing =
        assertThrows(
            GraftException.class,
            () -> RunResultJson.parse(json.replace("\"decidingMetric\"", "\"decider\""), "r.json"));
    assertTrue(
        missing.getMessage().contains("r.json: at $.decidingMetric: the field is missing"),
        missing.getMessage());
    GraftException verdict =
        assertThrows(
            GraftException.class,
            () -> RunResultJson.parse(json.replace("\"BEATS_SCRATCH\"", "\"GREAT\""), "r.json"));
    assertEquals(GraftErrors.MALFORMED_FILE, verdict.errorId());
    assertTrue(verdict.getMessage().contains("$.outcomes[1].verdict"), verdict.getMessage());
    GraftException version =
        assertThrows(
            GraftException.class,
            () ->
                RunResultJson.parse(
                    json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"), "r.json"));
    assertTrue(version.getMessage().contains("version 9"), version.getMessage());
  }

  @Test
  void emptyFileIsIo003() {
    GraftException e = assertThrows(GraftException.class, () -> RunResultJson.parse("", "e.json"));
    assertEquals(GraftErrors.MALFORMED_FILE, e.errorId());
    assertTrue(e.getMessage().contains("e.json"), e.getMessage());
  }

  @Test
  void winnerReasonSurvives() {
    RunResult r = ReportFixtures.withTexts("j", "fine-tune", "because \"quoted\" <and> ünïcode");
    Winner w = RunResultJson.parse(RunResultJson.toJson(r), "w").winner();
    assertEquals("because \"quoted\" <and> ünïcode", w.reason());
  }
}
