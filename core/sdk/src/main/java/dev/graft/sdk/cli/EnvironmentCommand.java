package dev.graft.sdk.cli;

import dev.graft.api.command.PluginCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Base of a {@link PluginCommand} whose command line is a picocli options object that needs the
 * process environment (for example {@code GRAFT_MODEL_STORE}, see {@code ModelStores#ENV}). The
 * environment is copied once at construction, so tests can pass their own; {@link #execute} builds
 * a fresh options object per run and runs it with {@link PicocliCommands#execute}.
 *
 * <pre>
 * &#64;Extension
 * public final class PretrainFooCommand extends EnvironmentCommand {
 *   public PretrainFooCommand() { this(System.getenv()); }
 *   public PretrainFooCommand(Map&lt;String, String&gt; env) { super(env); }
 *   &#64;Override protected Object options(PrintWriter out, Map&lt;String, String&gt; env) {
 *     return new Options(out, env);
 *   }
 *   ...
 * }
 * </pre>
 */
public abstract class EnvironmentCommand implements PluginCommand {

  private final Map<String, String> env;

  /**
   * Creates the command with an explicit environment.
   *
   * @param env the environment, copied
   */
  protected EnvironmentCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * A fresh picocli options object (annotated with {@code @Command}) for one run.
   *
   * @param out the command's standard output
   * @param env the environment given at construction
   * @return the options object
   */
  protected abstract Object options(PrintWriter out, Map<String, String> env);

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    return PicocliCommands.execute(options(out, env), args, out, err);
  }
}
