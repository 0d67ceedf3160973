package dev.graft.cli.run;

import dev.graft.cli.GraftCli;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.pipeline.TransferPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code graft rank job.yaml}: rank the job's sources with its estimators, no training. */
@Command(
    name = "rank",
    description = "Rank a job's candidate sources with transferability estimators (no training).")
public final class RankCommand implements Callable<Integer> {

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "JOB.yaml", description = "The job spec.")
  Path job;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    JobSpec jobSpec = JobSpecs.read(job);
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), quiet);
    var ranking =
        new TransferPipeline(root.session().registry(), root.session().config())
            .rank(jobSpec, job.toAbsolutePath().getParent(), progress);
    progress.finish();
    RunSummary.printRanking(spec.commandLine().getOut(), ranking, "kept (keep-top)");
    return GraftCli.EXIT_OK;
  }
}
