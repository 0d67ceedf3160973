package dev.graft.sdk.store;

import dev.graft.api.error.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Where Graft's model store is and how models in it are named. */
public final class ModelStores {

  /** The environment variable that moves the model store. */
  public static final String ENV = "GRAFT_MODEL_STORE";

  /** Model names: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private ModelStores() {}

  /**
   * The default store: {@code $GRAFT_MODEL_STORE}, else {@code ~/.graft/models} (the folder the
   * host's {@code model-store} source loader searches by default).
   *
   * @param env the environment, usually {@code System.getenv()}
   * @return the folder (it may not exist yet)
   */
  public static Path defaultStore(Map<String, String> env) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".graft", "models");
  }

  /**
   * Checks a model name (it becomes a folder name in the store).
   *
   * @param name the name
   * @return the name
   * @throws ConfigException GRAFT-CONFIG-001 if it is not a plain lower-case folder name
   */
  public static String checkName(String name) {
    ConfigException.require(
        name != null && NAME.matcher(name).matches(),
        "--name",
        name,
        "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (e.g."
            + " glyphs-digits)");
    return name;
  }
}
