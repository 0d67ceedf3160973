package dev.graft.cli.run;

import dev.graft.cli.GraftCli;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.report.RunResultJson;
import dev.graft.engine.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code graft run job.yaml}: the whole transfer job. */
@Command(
    name = "run",
    description =
        "Run a transfer job: rank sources, transfer, evaluate against scratch, guard against"
            + " negative transfer, export the winner and write result.json and report.html.")
public final class RunCommand implements Callable<Integer> {

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "JOB.yaml", description = "The job spec.")
  Path job;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Option(names = "--json", description = "Print the result as JSON (as in result.json).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    JobSpec jobSpec = JobSpecs.read(job);
    Path baseDir = job.toAbsolutePath().getParent();
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), quiet);
    TransferPipeline pipeline =
        new TransferPipeline(root.session().registry(), root.session().config());
    RunResult result = pipeline.run(jobSpec, baseDir, progress);
    progress.finish();
    if (json) {
      out.println(RunResultJson.toJson(result));
    } else {
      RunSummary.print(out, result, baseDir.resolve(jobSpec.output()).normalize().toString());
    }
    return GraftCli.EXIT_OK;
  }
}
