package dev.graft.engine.plugin;

import dev.graft.api.error.GraftErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager, changed so that nothing is logged and swallowed: every plugin that fails
 * to load (bad manifest, duplicate plugin id, unreadable zip), fails the version check, has missing
 * dependencies, or fails to start is recorded as a {@link PluginProblem}, and the others carry on.
 */
final class GraftPluginManager extends DefaultPluginManager {

  private final List<PluginProblem> problems = new ArrayList<>();

  GraftPluginManager(Path pluginsRoot, String systemVersion) {
    super(List.of(pluginsRoot));
    setSystemVersion(systemVersion);
    setExactVersionAllowed(false);
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  @Override
  public void loadPlugins() {
    List<Path> paths = pluginRepository.getPluginPaths();
    for (Path path : paths) {
      try {
        PluginWrapper wrapper = loadPluginFromPath(path);
        if (wrapper == null) {
          problems.add(
              new PluginProblem(
                  "?",
                  path.toString(),
                  GraftErrors.PLUGIN_BAD_MANIFEST,
                  "the plugin archive could not be unpacked; rebuild it as a jar or a zip."));
        }
      } catch (PluginRuntimeException | LinkageError e) {
        problems.add(
            new PluginProblem(
                "?",
                path.toString(),
                GraftErrors.PLUGIN_BAD_MANIFEST,
                describe(e)
                    + ". A plugin jar needs Plugin-Id and Plugin-Version manifest entries"
                    + " (graft-plugin-parent writes them) and a unique Plugin-Id."));
      }
    }
    for (PluginWrapper wrapper : getPlugins()) {
      if (wrapper.getPluginState().isDisabled() && wrapper.getFailedException() != null) {
        problems.add(
            new PluginProblem(
                wrapper.getPluginId(),
                wrapper.getPluginPath().toString(),
                GraftErrors.PLUGIN_INCOMPATIBLE,
                "it requires Graft "
                    + wrapper.getDescriptor().getRequires()
                    + " but this is Graft "
                    + getSystemVersion()
                    + "; install a plugin version built for this Graft release."));
      }
    }
    Map<String, Path> before = new LinkedHashMap<>();
    getPlugins().forEach(p -> before.put(p.getPluginId(), p.getPluginPath()));
    resolvePlugins();
    for (Map.Entry<String, Path> entry : before.entrySet()) {
      if (getPlugin(entry.getKey()) == null) {
        problems.add(
            new PluginProblem(
                entry.getKey(),
                entry.getValue().toString(),
                GraftErrors.PLUGIN_INCOMPATIBLE,
                "its plugin dependencies are missing or have the wrong version; install the"
                    + " plugins it lists in Plugin-Dependencies."));
      }
    }
  }

  @Override
  public void startPlugins() {
    super.startPlugins();
    for (PluginWrapper wrapper : getPlugins()) {
      if (wrapper.getPluginState().isFailed()) {
        Throwable cause = wrapper.getFailedException();
        problems.add(
            new PluginProblem(
                wrapper.getPluginId(),
                wrapper.getPluginPath().toString(),
                GraftErrors.PLUGIN_FAILED,
                "it failed to start: "
                    + (cause == null ? "unknown cause" : describe(cause))
                    + ". Its extensions are not available."));
      }
    }
  }

  List<PluginProblem> problems() {
    return problems;
  }

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    while (cause != null && cause != e) {
      sb.append(" (caused by ").append(cause).append(')');
      e = cause;
      cause = cause.getCause();
    }
    return sb.toString();
  }
}
