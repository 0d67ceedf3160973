package dev.graft.engine.report;

import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.engine.run.RunResult;
import java.nio.file.Path;

/**
 * Renders a {@link RunResult} as one self-contained HTML page: inline CSS and inline SVG charts, no
 * scripts, no fonts, no URLs (a content security policy forbids loading anything), so the page
 * works offline and can be mailed or archived as one file.
 *
 * <p>Sections: summary (job, target, protocol, winner and why), source ranking (bar chart, table,
 * per-estimator scores), outcomes (table with guard verdicts and a dot-and-whisker chart), learning
 * curves, the winner's confusion matrix, the PCA scatter of source vs target features, skipped
 * strategies, timings and provenance. A section with nothing to show is replaced by a one-line
 * note. All text from the result is escaped. Equal results render to identical pages.
 */
public final class HtmlReport {

  /** The file name inside a run folder. */
  public static final String FILE_NAME = "report.html";

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
      color:#111827;margin:0 auto;max-width:980px;padding:24px;line-height:1.45}
      h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #e5e7eb;padding-bottom:4px;\
      margin-top:2em}h3{margin-top:1.4em}
      table{border-collapse:collapse;margin:12px 0;font-size:.92em}
      th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f9fafb}tr.selected td{background:#eff6ff}tr.negative td{background:#fef2f2}
      .winner{font-size:1.15em}.why{margin-top:-.4em}.note{color:#6b7280;font-style:italic}
      .caveat{color:#92400e}.verdict{font-weight:600}small{color:#6b7280}
      dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dt{font-weight:600}\
      dd{margin:0}
      svg.chart{display:block;margin:12px 0;max-width:100%;height:auto;font-family:inherit}
      pre{background:#f9fafb;border:1px solid #e5e7eb;padding:8px;overflow:auto}
      details summary{cursor:pointer;font-weight:600}
      """;

  private HtmlReport() {}

  /**
   * Renders the page.
   *
   * @param result the run's result
   * @return the complete HTML document
   */
  public static String render(RunResult result) {
    ReportSections sections = new ReportSections(result);
    String title = "Graft report: " + (result.jobName() == null ? "unnamed job" : result.jobName());
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
        + " style-src 'unsafe-inline'; img-src data:\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>"
        + Text.escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<header>\n<h1>"
        + Text.escape(title)
        + "</h1>\n</header>\n<main>\n"
        + sections.summary()
        + sections.ranking()
        + sections.outcomes()
        + sections.curves()
        + sections.confusion()
        + sections.projection()
        + sections.skipped()
        + sections.timings()
        + sections.provenance()
        + "</main>\n</body>\n</html>\n";
  }

  /**
   * Renders the page and writes {@code report.html} into the run folder atomically: on failure the
   * previous report, if any, is left unchanged.
   *
   * @param result the run's result
   * @param runDir the run folder (created if missing)
   * @return the written file
   * @throws GraftException GRAFT-IO-002 naming the file if it cannot be written
   */
  public static Path write(RunResult result, Path runDir) {
    String page = render(result);
    Path file = runDir.resolve(FILE_NAME);
    AtomicFiles.writeString(file, page);
    return file;
  }
}
