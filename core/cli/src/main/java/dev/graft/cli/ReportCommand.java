package dev.graft.cli;

import dev.graft.engine.report.HtmlReport;
import dev.graft.engine.report.RunResultJson;
import dev.graft.engine.run.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code graft report RUN_DIR}: re-reads a run folder's {@code result.json} and re-renders its
 * {@code report.html} atomically, then prints the report's path. A missing or malformed {@code
 * result.json} is a Graft error (exit 1) whose message names the file and, if malformed, the JSON
 * path.
 */
@Command(
    name = "report",
    description =
        "Re-render RUN_DIR/report.html from RUN_DIR/result.json (self-contained HTML, no network)"
            + " and print its path.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "RUN_DIR",
      description = "The run folder holding result.json.")
  Path runDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunResult result = RunResultJson.read(runDir.resolve(RunResultJson.FILE_NAME));
    Path report = HtmlReport.write(result, runDir);
    spec.commandLine().getOut().println(report.toAbsolutePath());
    return GraftCli.EXIT_OK;
  }
}
