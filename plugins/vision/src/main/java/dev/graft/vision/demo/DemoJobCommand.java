package dev.graft.vision.demo;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.cli.PicocliCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft datasets demo-job}: writes one of the embedded vision jobs, with its data, into a
 * folder and makes sure its sources exist in the model store (pretraining the glyph sources on
 * first use). Prints the job file's path on the last line. {@code graft demo} runs it.
 */
@Extension
public final class DemoJobCommand implements PluginCommand {

  private final DeviceConfig device;

  /**
   * Creates the command.
   *
   * @param device the host's device, used for pretraining
   */
  @jakarta.inject.Inject
  public DemoJobCommand(DeviceConfig device) {
    this.device = device;
  }

  @Override
  public String id() {
    return "datasets-demo-job";
  }

  @Override
  public String description() {
    return "Write an embedded vision job and its data into a folder and pretrain its sources if"
        + " missing.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.VISION), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("datasets", "demo-job");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    return PicocliCommands.execute(new Options(out, device), args, out, err);
  }

  @Command(
      name = "demo-job",
      mixinStandardHelpOptions = true,
      description = "Write an embedded vision job and its data; pretrain its sources if missing.")
  static final class Options implements Callable<Integer> {
    private final PrintWriter out;
    private final DeviceConfig device;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Folder to write into.")
    Path folder;

    @Option(
        names = "--job",
        defaultValue = "digits-from-glyphs",
        description = "One of: digits-from-glyphs (default), digits-from-glyphs-budgets.")
    String job;

    @Option(
        names = "--store",
        required = true,
        paramLabel = "DIR",
        description = "The model store the job's model-store source reads.")
    Path store;

    Options(PrintWriter out, DeviceConfig device) {
      this.out = out;
      this.device = device;
    }

    @Override
    public Integer call() {
      if (job.startsWith("digits-")) {
        DemoSources.ensure(store, device, line -> out.println("   " + line));
      }
      Path file = DemoJobs.materialise(job, folder);
      out.println(file.toAbsolutePath());
      return 0;
    }
  }
}
