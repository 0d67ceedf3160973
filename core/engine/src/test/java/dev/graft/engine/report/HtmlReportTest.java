package dev.graft.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path temp;

  private final String html = HtmlReport.render(ReportFixtures.realistic());

  @Test
  void hasEverySection() {
    for (String id :
        List.of(
            "summary",
            "ranking",
            "outcomes",
            "curves",
            "confusion",
            "projection",
            "skipped",
            "timings",
            "provenance")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("<details>"));
    assertTrue(html.contains("needs unlabelled target data"));
    assertTrue(html.contains("not comparable") || html.contains("never scores across columns"));
  }

  @Test
  void namesTheWinnerAndWhy() {
    assertTrue(
        html.contains(
            "The run chose <strong>fine-tune</strong> with source <strong>resnet50</strong>"),
        html);
    assertTrue(html.contains("Best accuracy among models that beat scratch beyond noise."));
  }

  @Test
  void flagsNegativeTransfer() {
    assertTrue(html.contains("negative transfer: no better than scratch"));
    assertTrue(html.contains("negative transfer: worse than scratch"));
    assertTrue(html.contains("0.9200 ± 0.0200"), "mean ± half interval");
    assertTrue(html.contains("no interval (one run)"), "the single-run outcome");
  }

  @Test
  void heatmapHasOneCellPerConfusionEntry() {
    Matcher group =
        Pattern.compile("<g class=\"heatmap-cells\">(.*?)</g>", Pattern.DOTALL).matcher(html);
    assertTrue(group.find());
    assertEquals(9, count(group.group(1), "<rect"));
    assertTrue(html.contains(">daisy<") && html.contains(">tulip<"));
    assertTrue(html.contains(">95<"), "counts are written in the cells");
  }

  @Test
  void isSelfContained() {
    String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(withoutNamespace.contains("http://"));
    assertFalse(withoutNamespace.contains("https://"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("@import"));
    assertTrue(count(html, "<svg ") >= 5, "ranking, outcomes, curves, confusion, projection");
  }

  @Test
  void escapesText() {
    RunResult nasty = ReportFixtures.withTexts("<job & \"friends\">", "<b>x</b>", "a<b & c>\"d\"");
    String page = HtmlReport.render(nasty);
    assertFalse(page.contains("<job"));
    assertFalse(page.contains("<b>x</b>"));
    assertFalse(page.contains("a<b & c>"));
    assertTrue(page.contains("&lt;job &amp; &quot;friends&quot;&gt;"));
    assertTrue(page.contains("a&lt;b &amp; c&gt;&quot;d&quot;"));
  }

  @Test
  void equalInputGivesEqualOutput() {
    assertEquals(html, HtmlReport.render(ReportFixtures.realistic()));
    assertEquals(
        html,
        HtmlReport.render(
            RunResultJson.parse(RunResultJson.toJson(ReportFixtures.realistic()), "r")));
  }

  @Test
  void emptySectionsBecomeOneLineNotes() {
    RunResult base = ReportFixtures.realistic();
    List<StrategyOutcome> noCurves =
        base.outcomes().stream()
            .map(
                o ->
                    new StrategyOutcome(
                        o.strategyId(),
                        o.sourceId(),
                        o.metrics(),
                        o.verdict(),
                        o.differenceMean(),
                        o.differenceLower(),
                        o.differenceUpper(),
                        List.of(),
                        null,
                        o.notes(),
                        o.trainSeconds()))
            .toList();
    RunResult bare =
        new RunResult(
            base.jobName(),
            base.jobSpec(),
            base.started(),
            base.finished(),
            base.target(),
            base.protocol(),
            base.decidingMetric(),
            base.ranking(),
            noCurves,
            List.of(),
            base.winner(),
            List.of(),
            base.timingsSeconds(),
            base.provenance());
    String page = HtmlReport.render(bare);
    assertFalse(page.contains("id=\"curves\""));
    assertFalse(page.contains("id=\"projection\""));
    assertFalse(page.contains("id=\"confusion\""));
    assertFalse(page.contains("id=\"skipped\""));
    assertTrue(page.contains("<p class=\"note\">No learning curves"));
    assertTrue(page.contains("<p class=\"note\">No feature projection"));
    assertTrue(page.contains("<p class=\"note\">No confusion matrix"));
    assertTrue(page.contains("<p class=\"note\">No strategy was skipped."));
  }

  @Test
  void writesAtomicallyIntoTheRunFolder() throws Exception {
    Path file = HtmlReport.write(ReportFixtures.realistic(), temp);
    assertEquals(temp.resolve("report.html"), file);
    assertEquals(html, Files.readString(file));
    try (var listing = Files.list(temp)) {
      assertEquals(List.of(file), listing.toList(), "no temporary file left behind");
    }
  }

  @Test
  void failedWriteLeavesTheExistingReportIntact() throws Exception {
    Path dir = deepFolderWhereATempFileNameIsTooLong();
    Path report = dir.resolve("report.html");
    Files.writeString(report, "previous report");
    GraftException e =
        assertThrows(GraftException.class, () -> HtmlReport.write(ReportFixtures.realistic(), dir));
    assertEquals(GraftErrors.FILE_NOT_WRITABLE, e.errorId());
    assertEquals("previous report", Files.readString(report));
  }

  @Test
  void failedWriteIntoReadOnlyFolderLeavesTheExistingReportIntact() throws Exception {
    Path report = temp.resolve("report.html");
    Files.writeString(report, "previous report");
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(temp), "running as a user that ignores permissions (root)");
      GraftException e =
          assertThrows(
              GraftException.class, () -> HtmlReport.write(ReportFixtures.realistic(), temp));
      assertEquals(GraftErrors.FILE_NOT_WRITABLE, e.errorId());
      assertEquals("previous report", Files.readString(report));
    } finally {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * A folder whose absolute path leaves room for {@code report.html} but not for the longer
   * temporary file name next to it, so the write fails even for root.
   */
  private Path deepFolderWhereATempFileNameIsTooLong() throws Exception {
    int pathMax = 4095;
    Path dir = temp.toAbsolutePath();
    while (pathMax - dir.toString().length() > 260 + "/report.html".length()) {
      dir = dir.resolve("d".repeat(200));
    }
    int room = pathMax - dir.toString().length() - 1 - "/report.html".length();
    dir = dir.resolve("e".repeat(room));
    Files.createDirectories(dir);
    return dir;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
