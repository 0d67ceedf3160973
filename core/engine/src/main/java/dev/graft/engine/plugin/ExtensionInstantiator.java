package dev.graft.engine.plugin;

/**
 * Creates extension instances; the host's implementation asks the Guice injector, so extensions get
 * constructor injection ({@code jakarta.inject.Inject}) of host services such as {@link
 * dev.graft.api.config.DeviceConfig}.
 */
@FunctionalInterface
public interface ExtensionInstantiator {

  /**
   * Creates an instance.
   *
   * @param type a concrete extension class
   * @return a new instance
   * @throws RuntimeException whatever the constructor or injector throws
   */
  Object create(Class<?> type);
}
