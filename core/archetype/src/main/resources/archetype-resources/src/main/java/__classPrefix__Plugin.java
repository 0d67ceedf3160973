package ${package};

import org.pf4j.Plugin;

/**
 * The PF4J plugin class of {@code ${pluginId}} (manifest entry {@code Plugin-Class}). Graft creates
 * the extensions itself; override start() and stop() for resources the plugin
 * holds as a whole (a shared cache, a thread pool), and release them in {@code stop()}.
 */
public class ${classPrefix}Plugin extends Plugin {

  @Override
  public void start() {
    log.debug("plugin {} started", "${pluginId}");
  }

  @Override
  public void stop() {
    log.debug("plugin {} stopped", "${pluginId}");
  }
}
