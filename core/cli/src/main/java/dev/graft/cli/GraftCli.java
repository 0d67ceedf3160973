package dev.graft.cli;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.error.GraftException;
import dev.graft.engine.GraftVersion;
import dev.graft.engine.plugin.RegisteredExtension;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code graft} command line.
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_ERROR} a Graft error (the message names
 * the problem and its error id); {@value #EXIT_USAGE} a usage error (unknown option, missing
 * argument); {@value #EXIT_PROBLEMS} {@code graft doctor} found problems; {@value #EXIT_INTERNAL}
 * an unexpected internal failure (a bug: please report it with {@code --verbose} output).
 */
@Command(
    name = "graft",
    mixinStandardHelpOptions = true,
    versionProvider = GraftCli.Version.class,
    description = "Graft: find the best source, transfer, prove the gain, export.",
    subcommands = {
      CommandLine.HelpCommand.class,
      PluginsCommand.class,
      DoctorCommand.class,
      dev.graft.cli.model.ModelCommand.class,
      dev.graft.cli.run.RunCommand.class,
      dev.graft.cli.run.RankCommand.class,
      dev.graft.cli.run.PredictCommand.class,
      dev.graft.cli.run.DemoCommand.class,
      ReportCommand.class,
      dev.graft.cli.estimate.EstimateCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a Graft error (message names the error id)",
      "2:usage error",
      "4:graft doctor found problems",
      "70:internal error (a bug)"
    })
public final class GraftCli implements Runnable {

  /** Success. */
  public static final int EXIT_OK = 0;

  /** A Graft error. */
  public static final int EXIT_ERROR = 1;

  /** A usage error. */
  public static final int EXIT_USAGE = 2;

  /** {@code graft doctor} found problems. */
  public static final int EXIT_PROBLEMS = 4;

  /** An unexpected internal failure. */
  public static final int EXIT_INTERNAL = 70;

  @Option(
      names = "--plugins",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Plugins folder (default: $GRAFT_PLUGINS, else $GRAFT_HOME/plugins).")
  Path pluginsDir;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Path pluginsDirHint;
  private HostSession session;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(
        execute(
            new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
            args));
  }

  /**
   * Runs the command line with the given output streams (for tests and embedding).
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    GraftCli root = new GraftCli();
    root.pluginsDirHint = pluginsDirArgument(args);
    CommandLine cli = new CommandLine(root);
    try {
      if (needsPluginCommands(args)) {
        for (RegisteredExtension<PluginCommand> command :
            root.session().registry().all(PluginCommand.class)) {
          PluginCommandAdapter.mount(cli, command.instance());
        }
      }
      // after mounting: picocli hands the streams down to the subcommands that exist
      cli.setOut(out);
      cli.setErr(err);
      cli.setExecutionExceptionHandler(
          (ex, commandLine, parseResult) -> {
            if (ex instanceof GraftException) {
              err.println("graft: " + ex.getMessage());
              if (root.verbose) {
                ex.printStackTrace(err);
              }
              err.flush();
              return EXIT_ERROR;
            }
            err.println("graft: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return EXIT_INTERNAL;
          });
      int code = cli.execute(args);
      out.flush();
      err.flush();
      return code;
    } finally {
      if (root.session != null) {
        root.session.close();
      }
    }
  }

  /**
   * Plugin commands are mounted unless the first argument is a built-in command or an option, so
   * {@code graft --version} and the built-ins start without scanning plugins twice.
   */
  private static boolean needsPluginCommands(String[] args) {
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      return !BUILTIN_COMMANDS.contains(a);
    }
    return true; // bare "graft" prints usage, which lists plugin commands too
  }

  private static final java.util.Set<String> BUILTIN_COMMANDS =
      java.util.Set.of(
          "help",
          "plugins",
          "doctor",
          "model",
          "estimate",
          "run",
          "rank",
          "predict",
          "demo",
          "report");

  /** The value of {@code --plugins DIR} or {@code --plugins=DIR} anywhere in the arguments. */
  private static Path pluginsDirArgument(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--plugins") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--plugins=")) {
        return Path.of(args[i].substring("--plugins=".length()));
      }
    }
    return null;
  }

  /**
   * The host for this invocation, opened on first use and closed when the command ends.
   *
   * @return the session
   */
  public HostSession session() {
    if (session == null) {
      session = HostSession.open(pluginsDir != null ? pluginsDir : pluginsDirHint);
    }
    return session;
  }

  /** The version shown by {@code graft --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "graft " + GraftVersion.current(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
