package dev.graft.cli.model;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code graft model}: the parent of {@code inspect} and {@code run}. Without a subcommand it
 * prints its usage and exits 2.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Inspect and run SavedModels (any TensorFlow SavedModel, or one Graft exported).",
    subcommands = {ModelInspectCommand.class, ModelRunCommand.class})
public final class ModelCommand implements Callable<Integer> {

  /** Exit code for a usage error, as picocli uses. */
  static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  /** Creates the command (picocli instantiates it). */
  public ModelCommand() {}

  /**
   * Prints usage: a subcommand is required.
   *
   * @return {@value #EXIT_USAGE}
   */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("graft model: choose a subcommand: inspect or run.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }
}
