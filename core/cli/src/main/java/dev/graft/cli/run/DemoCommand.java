package dev.graft.cli.run;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.cli.GraftCli;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.plugin.RegisteredExtension;
import dev.graft.engine.run.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code graft demo}: the embedded default job. With the vision plugin installed and no network it
 * writes the synthetic-to-real digits job and its data into a folder, pretrains the glyph sources
 * into the model store on first use, runs the job, and says where the report and model are.
 */
@Command(
    name = "demo",
    description =
        "Run the embedded demo: transfer from digits rendered from fonts to real handwritten digits"
            + " (needs the vision plugin).")
public final class DemoCommand implements Callable<Integer> {

  /** The vision plugin command that writes a demo job and prepares its sources. */
  static final List<String> PREPARE = List.of("datasets", "demo-job");

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      defaultValue = "graft-demo",
      paramLabel = "DIR",
      description = "Folder for the job, its data and the run (default ./graft-demo).")
  Path dir;

  @Option(
      names = "--job",
      defaultValue = "digits-from-glyphs",
      description = "digits-from-glyphs (default) or digits-from-glyphs-budgets.")
  String job;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    var session = root.session();
    PluginCommand prepare =
        session.registry().all(PluginCommand.class).stream()
            .map(RegisteredExtension::instance)
            .filter(c -> c.path().equals(PREPARE))
            .findFirst()
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.UNKNOWN_EXTENSION,
                        "graft demo needs the vision plugin (command 'datasets demo-job'); put"
                            + " graft-vision-*.jar into "
                            + session
                                .host()
                                .pluginsDir()
                                .map(Object::toString)
                                .orElse("the plugins folder")
                            + " and run 'graft plugins' to check."));
    ConsoleProgress progress = new ConsoleProgress(err, quiet);
    progress.stepStarted("prepare demo sources and data");
    StringWriter captured = new StringWriter();
    PrintWriter prepareOut = new PrintWriter(captured, true);
    int code =
        prepare.execute(
            List.of(
                "--out", dir.toAbsolutePath().toString(),
                "--job", job,
                "--store", session.config().modelStore().toString()),
            prepareOut,
            err);
    if (code != 0) {
      return code;
    }
    String[] lines = captured.toString().strip().split("\n");
    if (!quiet) {
      for (int i = 0; i < lines.length - 1; i++) {
        err.println(lines[i]);
      }
    }
    Path jobFile = Path.of(lines[lines.length - 1].strip());
    JobSpec jobSpec = JobSpecs.read(jobFile);
    Path baseDir = jobFile.toAbsolutePath().getParent();
    RunResult result =
        new TransferPipeline(session.registry(), session.config()).run(jobSpec, baseDir, progress);
    progress.finish();
    RunSummary.print(out, result, baseDir.resolve(jobSpec.output()).normalize().toString());
    return GraftCli.EXIT_OK;
  }
}
