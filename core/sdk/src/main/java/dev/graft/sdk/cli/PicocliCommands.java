package dev.graft.sdk.cli;

import dev.graft.api.error.GraftException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs a plugin command's picocli options object the way every Graft plugin command does: usage
 * errors exit 2 (picocli's default), a {@link GraftException} prints its message and exits 1,
 * anything else is a bug and propagates to the host, which reports it.
 */
public final class PicocliCommands {

  private PicocliCommands() {}

  /**
   * Parses {@code args} into {@code options} and runs it.
   *
   * @param options a picocli {@code @Command} object implementing {@code Callable<Integer>}
   * @param args the arguments after the command path
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int execute(Object options, List<String> args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(options);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof GraftException g) {
            err.println("graft: " + g.getMessage());
            err.flush();
            return 1;
          }
          throw e;
        });
    int code = cli.execute(args.toArray(String[]::new));
    out.flush();
    err.flush();
    return code;
  }
}
