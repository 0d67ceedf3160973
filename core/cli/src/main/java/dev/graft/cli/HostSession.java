package dev.graft.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.inject.GraftModule;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host one CLI command works with: configuration, plugins and extensions. Closing unloads
 * plugins. Commands get it from {@link GraftCli#session()}.
 */
public final class HostSession implements AutoCloseable {

  private final GraftConfig config;
  private final PluginHost host;
  private final ExtensionRegistry registry;

  private HostSession(GraftConfig config, PluginHost host, ExtensionRegistry registry) {
    this.config = config;
    this.host = host;
    this.registry = registry;
  }

  static HostSession open(Path pluginsDir) {
    GraftConfig config = GraftConfig.resolve(Optional.ofNullable(pluginsDir), System.getenv());
    Injector injector = Guice.createInjector(new GraftModule(config));
    ExtensionRegistry registry = injector.getInstance(ExtensionRegistry.class);
    return new HostSession(config, injector.getInstance(PluginHost.class), registry);
  }

  /**
   * The host configuration.
   *
   * @return the config
   */
  public GraftConfig config() {
    return config;
  }

  /**
   * The plugin host.
   *
   * @return the host
   */
  public PluginHost host() {
    return host;
  }

  /**
   * Every usable extension.
   *
   * @return the registry
   */
  public ExtensionRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    host.close();
  }
}
