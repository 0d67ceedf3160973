package dev.graft.engine.plugin;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.extension.GraftExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the plugins in a folder with PF4J, creates their extensions through an {@link
 * ExtensionInstantiator}, and records every failure as a {@link PluginProblem} instead of stopping:
 * a broken plugin never takes the host or the other plugins down.
 *
 * <p>Plugin jars and zips are both accepted. {@code Plugin-Requires} ranges are checked against
 * {@link dev.graft.engine.GraftVersion#release()}. Closing the host stops and unloads the plugins
 * and closes their class loaders.
 */
public final class PluginHost implements AutoCloseable {

  private final Optional<Path> pluginsDir;
  private final GraftPluginManager manager;
  private final List<PluginProblem> problems = new ArrayList<>();
  private final List<PluginExtension> extensions = new ArrayList<>();

  /**
   * An extension found in a plugin, already created and guarded.
   *
   * @param pluginId the plugin that brought it
   * @param point the extension point it serves
   * @param instance the guarded instance
   */
  public record PluginExtension(
      String pluginId, Class<? extends GraftExtension> point, GraftExtension instance) {}

  private PluginHost(Optional<Path> pluginsDir, GraftPluginManager manager) {
    this.pluginsDir = pluginsDir;
    this.manager = manager;
  }

  /**
   * Loads and starts the plugins in {@code pluginsDir} and creates their extensions.
   *
   * @param pluginsDir the plugins folder; empty for a host without plugins
   * @param systemVersion the Graft version {@code Plugin-Requires} is checked against
   * @param instantiator creates extension instances
   * @return the started host
   */
  public static PluginHost start(
      Optional<Path> pluginsDir, String systemVersion, ExtensionInstantiator instantiator) {
    if (pluginsDir.isEmpty()) {
      return new PluginHost(pluginsDir, null);
    }
    Path dir = pluginsDir.get().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      PluginHost host = new PluginHost(Optional.of(dir), null);
      host.problems.add(
          new PluginProblem(
              "-",
              dir.toString(),
              GraftErrors.PLUGINS_DIR_INVALID,
              (Files.exists(dir) ? "it is not a folder" : "it does not exist")
                  + "; create it, or point --plugins / GRAFT_PLUGINS at the folder holding plugin"
                  + " jars."));
      return host;
    }
    GraftPluginManager manager = new GraftPluginManager(dir, systemVersion);
    PluginHost host = new PluginHost(Optional.of(dir), manager);
    manager.loadPlugins();
    manager.startPlugins();
    host.problems.addAll(manager.problems());
    for (PluginWrapper plugin : sorted(manager.getStartedPlugins())) {
      host.createExtensions(plugin, instantiator);
    }
    return host;
  }

  private static List<PluginWrapper> sorted(List<PluginWrapper> plugins) {
    List<PluginWrapper> copy = new ArrayList<>(plugins);
    copy.sort(Comparator.comparing(PluginWrapper::getPluginId));
    return copy;
  }

  private void createExtensions(PluginWrapper plugin, ExtensionInstantiator instantiator) {
    String pluginId = plugin.getPluginId();
    String location = plugin.getPluginPath().toString();
    ClassLoader loader = plugin.getPluginClassLoader();
    Set<String> classNames = new TreeSet<>(manager.getExtensionClassNames(pluginId));
    for (String className : classNames) {
      Class<?> type;
      try {
        type = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        problems.add(
            new PluginProblem(
                pluginId,
                location,
                GraftErrors.PLUGIN_CLASS_LOADING,
                "extension class "
                    + className
                    + " cannot be loaded: "
                    + e
                    + ". The plugin was built against classes this host does not have; rebuild it"
                    + " against this Graft version or add the missing library to the plugin."));
        continue;
      }
      for (Class<? extends GraftExtension> point : ExtensionPoints.ALL) {
        if (point.isAssignableFrom(type)) {
          create(pluginId, location, loader, type, point, instantiator);
        }
      }
    }
  }

  private void create(
      String pluginId,
      String location,
      ClassLoader loader,
      Class<?> type,
      Class<? extends GraftExtension> point,
      ExtensionInstantiator instantiator) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    Object instance;
    try {
      instance = instantiator.create(type);
    } catch (RuntimeException | LinkageError e) {
      problems.add(
          new PluginProblem(
              pluginId,
              location,
              GraftErrors.EXTENSION_CREATION,
              "extension "
                  + type.getName()
                  + " could not be created: "
                  + GraftPluginManager.describe(e)
                  + ". It is skipped; the plugin's other extensions still load."));
      return;
    } finally {
      thread.setContextClassLoader(previous);
    }
    extensions.add(
        new PluginExtension(
            pluginId,
            point,
            (GraftExtension) PluginCallGuard.guard(point, instance, loader, pluginId)));
  }

  /**
   * The plugins folder, if any.
   *
   * @return the folder
   */
  public Optional<Path> pluginsDir() {
    return pluginsDir;
  }

  /**
   * Every plugin found, in id order, with its state.
   *
   * @return the plugins
   */
  public List<PluginInfo> plugins() {
    if (manager == null) {
      return List.of();
    }
    List<PluginInfo> out = new ArrayList<>();
    for (PluginWrapper p : sorted(manager.getPlugins())) {
      var d = p.getDescriptor();
      out.add(
          new PluginInfo(
              p.getPluginId(),
              d.getVersion(),
              p.getPluginState().toString(),
              p.getPluginPath().toString(),
              d.getRequires(),
              d.getProvider(),
              d.getPluginDescription()));
    }
    return out;
  }

  /**
   * Extensions created from started plugins, guarded.
   *
   * @return the extensions
   */
  public List<PluginExtension> extensions() {
    return Collections.unmodifiableList(extensions);
  }

  /**
   * Everything that went wrong while loading.
   *
   * @return the problems, in the order found
   */
  public List<PluginProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /**
   * Records a problem found later (e.g. a duplicate extension id found while registering).
   *
   * @param problem the problem
   */
  void report(PluginProblem problem) {
    problems.add(problem);
  }

  /**
   * Whether the plugin with this id is started.
   *
   * @param pluginId a plugin id
   * @return true if started
   */
  public boolean isStarted(String pluginId) {
    return manager != null
        && manager.getPlugin(pluginId) != null
        && manager.getPlugin(pluginId).getPluginState() == PluginState.STARTED;
  }

  /**
   * The location of a plugin.
   *
   * @param pluginId a plugin id
   * @return its jar or folder, or {@code ?}
   */
  String location(String pluginId) {
    if (manager == null || manager.getPlugin(pluginId) == null) {
      return "?";
    }
    return manager.getPlugin(pluginId).getPluginPath().toString();
  }

  /** Stops and unloads all plugins and closes their class loaders. */
  @Override
  public void close() {
    if (manager != null) {
      // unloadPlugins() stops each plugin first; PF4J 3.15's stopPlugins() trips over its own list.
      manager.unloadPlugins();
    }
  }
}
