package dev.graft.cli.run;

import dev.graft.engine.pipeline.PipelineListener;
import java.io.PrintWriter;

/**
 * Progress on standard error: a redrawn bar on a terminal, one line per step and per tenth of the
 * work otherwise (logs, CI). Silent when quiet.
 */
final class ConsoleProgress implements PipelineListener {

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private String lastStep = "";
  private int lastDecile = -1;

  ConsoleProgress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = System.console() != null;
  }

  @Override
  public void stepStarted(String step) {
    if (quiet) {
      return;
    }
    if (terminal && !lastStep.isEmpty()) {
      err.println();
    }
    err.println("== " + step);
    err.flush();
    lastStep = step;
    lastDecile = -1;
  }

  @Override
  public void progress(String step, int done, int total, String detail) {
    if (quiet || total <= 0) {
      return;
    }
    if (terminal) {
      int width = 30;
      int filled = (int) Math.round(width * done / (double) total);
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(width - filled)
              + "] "
              + done
              + "/"
              + total
              + "  "
              + truncate(detail, 60)
              + "    ");
      err.flush();
      return;
    }
    int decile = (int) (10.0 * done / total);
    if (decile != lastDecile || done == total) {
      err.println("   " + done + "/" + total + "  " + detail);
      err.flush();
      lastDecile = decile;
    }
  }

  @Override
  public void note(String message) {
    if (quiet) {
      return;
    }
    if (terminal) {
      err.println();
    }
    err.println("   note: " + message);
    err.flush();
  }

  void finish() {
    if (!quiet && terminal) {
      err.println();
      err.flush();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
