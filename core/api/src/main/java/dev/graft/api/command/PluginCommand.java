package dev.graft.api.command;

import dev.graft.api.extension.GraftExtension;
import java.io.PrintWriter;
import java.util.List;

/**
 * A command a plugin adds to the {@code graft} command line, e.g. {@code graft datasets
 * render-glyphs} from the vision plugin.
 *
 * <p>The host mounts each command under its {@link #path()} and passes the remaining arguments
 * through untouched, so a plugin parses its own options (picocli is on the host class path and may
 * be used with {@code provided} scope). The command's {@link #id()} is the path joined by hyphens.
 * Exit codes follow {@code graft}'s: 0 success, 1 a Graft error, 2 a usage error.
 */
public interface PluginCommand extends GraftExtension {

  /**
   * Where the command is mounted, e.g. {@code ["datasets", "render-glyphs"]}. The first element is
   * a group that several plugins may share; the full path is unique.
   *
   * @return one or two lower-case words
   */
  List<String> path();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command path
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  int execute(List<String> args, PrintWriter out, PrintWriter err);
}
