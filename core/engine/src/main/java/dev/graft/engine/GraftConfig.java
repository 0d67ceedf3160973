package dev.graft.engine;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The host's settings: where plugins, models and caches live, and which device runs networks.
 *
 * @param pluginsDir the plugins folder; empty means no plugins are loaded
 * @param device where networks run
 * @param modelStore the Graft model store folder
 * @param cacheDir the feature cache folder
 */
public record GraftConfig(
    Optional<Path> pluginsDir, DeviceConfig device, Path modelStore, Path cacheDir) {

  /** The environment variable naming the plugins folder. */
  public static final String PLUGINS_ENV = "GRAFT_PLUGINS";

  /** The environment variable naming the model store folder. */
  public static final String MODEL_STORE_ENV = "GRAFT_MODEL_STORE";

  /** The environment variable naming the feature cache folder. */
  public static final String CACHE_ENV = "GRAFT_CACHE";

  /** The environment variable naming the installation folder. */
  public static final String HOME_ENV = "GRAFT_HOME";

  /** Validates. */
  public GraftConfig {
    pluginsDir = pluginsDir == null ? Optional.empty() : pluginsDir;
    ConfigException.require(device != null, "device", null, "cpu, gpu or gpu:N");
    ConfigException.require(modelStore != null, "model-store", null, "a folder");
    ConfigException.require(cacheDir != null, "cache-dir", null, "a folder");
  }

  /**
   * Defaults resolved from the environment: plugins from {@code explicitPluginsDir}, else {@code
   * GRAFT_PLUGINS}, else {@code $GRAFT_HOME/plugins} (or the {@code graft.home} system property);
   * model store from {@code GRAFT_MODEL_STORE} and cache from {@code GRAFT_CACHE}, else under
   * {@code ~/.graft}; CPU.
   *
   * @param explicitPluginsDir a folder given on the command line or by the embedding application
   * @param env the environment (usually {@code System.getenv()})
   * @return the config
   */
  public static GraftConfig resolve(Optional<Path> explicitPluginsDir, Map<String, String> env) {
    Optional<Path> plugins = explicitPluginsDir;
    if (plugins.isEmpty() && notBlank(env.get(PLUGINS_ENV))) {
      plugins = Optional.of(Path.of(env.get(PLUGINS_ENV)));
    }
    if (plugins.isEmpty()) {
      String home = System.getProperty("graft.home", env.get(HOME_ENV));
      if (notBlank(home)) {
        plugins = Optional.of(Path.of(home, "plugins"));
      }
    }
    Path userGraft = Path.of(System.getProperty("user.home"), ".graft");
    Path store =
        notBlank(env.get(MODEL_STORE_ENV))
            ? Path.of(env.get(MODEL_STORE_ENV))
            : userGraft.resolve("models");
    Path cache =
        notBlank(env.get(CACHE_ENV)) ? Path.of(env.get(CACHE_ENV)) : userGraft.resolve("cache");
    return new GraftConfig(plugins, DeviceConfig.cpu(), store, cache);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * A copy with another device.
   *
   * @param newDevice the device
   * @return the config
   */
  public GraftConfig withDevice(DeviceConfig newDevice) {
    return new GraftConfig(pluginsDir, newDevice, modelStore, cacheDir);
  }
}
