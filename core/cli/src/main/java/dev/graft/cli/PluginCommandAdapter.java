package dev.graft.cli;

import dev.graft.api.command.PluginCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Mounts a plugin's {@link PluginCommand} in the picocli tree: every argument after the command
 * path goes to the plugin untouched (including {@code --help}, which the plugin answers itself).
 */
@Command(description = "A command provided by a plugin.")
final class PluginCommandAdapter implements Callable<Integer> {

  private final PluginCommand command;

  @Unmatched List<String> args = new ArrayList<>();

  @Spec CommandSpec spec;

  private PluginCommandAdapter(PluginCommand command) {
    this.command = command;
  }

  @Override
  public Integer call() {
    return command.execute(
        List.copyOf(args), spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** A group such as {@code datasets} that only holds subcommands. */
  @Command(description = "Commands provided by plugins.")
  static final class Group implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing subcommand: one of " + spec.subcommands().keySet());
    }
  }

  /**
   * Adds {@code command} under its path to {@code root}, creating its group if needed. A path that
   * clashes with a built-in command is not mounted.
   *
   * @param root the {@code graft} command line
   * @param command the plugin command
   * @return true if mounted
   */
  static boolean mount(CommandLine root, PluginCommand command) {
    List<String> path = command.path();
    CommandLine parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      CommandLine group = parent.getSubcommands().get(path.get(i));
      if (group == null) {
        group = new CommandLine(new Group());
        group.getCommandSpec().usageMessage().description("Commands provided by plugins.");
        parent.addSubcommand(path.get(i), group);
      } else if (!(group.getCommand() instanceof Group)) {
        return false;
      }
      parent = group;
    }
    String name = path.get(path.size() - 1);
    if (parent.getSubcommands().containsKey(name)) {
      return false;
    }
    CommandLine leaf = new CommandLine(new PluginCommandAdapter(command));
    leaf.getCommandSpec().usageMessage().description(command.description());
    parent.addSubcommand(name, leaf);
    return true;
  }
}
