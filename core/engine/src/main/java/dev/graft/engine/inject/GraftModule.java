package dev.graft.engine.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.graft.api.command.PluginCommand;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.GraftVersion;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The host's Guice wiring: the configuration, the plugin host, and one multibound set per extension
 * point holding the built-in extensions ({@link BuiltinExtensionsModule}). Plugin extensions are
 * created through the same injector, so their {@code @jakarta.inject.Inject} constructors can ask
 * for host services such as {@link DeviceConfig} and {@link GraftConfig}.
 */
public final class GraftModule extends AbstractModule {

  private final GraftConfig config;

  /**
   * Creates the module.
   *
   * @param config the host configuration
   */
  public GraftModule(GraftConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(GraftConfig.class).toInstance(config);
    bind(DeviceConfig.class).toInstance(config.device());
    Multibinder.newSetBinder(binder(), DatasetReader.class);
    Multibinder.newSetBinder(binder(), SourceLoader.class);
    Multibinder.newSetBinder(binder(), TransferabilityEstimator.class);
    Multibinder.newSetBinder(binder(), TransferStrategy.class);
    Multibinder.newSetBinder(binder(), Evaluator.class);
    Multibinder.newSetBinder(binder(), InputEncoder.class);
    Multibinder.newSetBinder(binder(), PluginCommand.class);
    install(new BuiltinExtensionsModule());
  }

  @Provides
  @Singleton
  PluginHost pluginHost(GraftConfig cfg, Injector injector) {
    return PluginHost.start(cfg.pluginsDir(), GraftVersion.release(), injector::getInstance);
  }

  @Provides
  @Singleton
  ExtensionRegistry extensionRegistry(
      PluginHost host,
      Set<DatasetReader> readers,
      Set<SourceLoader> loaders,
      Set<TransferabilityEstimator> estimators,
      Set<TransferStrategy> strategies,
      Set<Evaluator> evaluators,
      Set<InputEncoder> encoders,
      Set<PluginCommand> commands) {
    Map<Class<? extends GraftExtension>, Set<? extends GraftExtension>> builtins =
        new LinkedHashMap<>();
    builtins.put(DatasetReader.class, readers);
    builtins.put(SourceLoader.class, loaders);
    builtins.put(TransferabilityEstimator.class, estimators);
    builtins.put(TransferStrategy.class, strategies);
    builtins.put(Evaluator.class, evaluators);
    builtins.put(InputEncoder.class, encoders);
    builtins.put(PluginCommand.class, commands);
    return ExtensionRegistry.build(builtins, host);
  }
}
