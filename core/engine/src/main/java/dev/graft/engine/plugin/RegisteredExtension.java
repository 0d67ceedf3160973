package dev.graft.engine.plugin;

/**
 * An extension the host can use.
 *
 * @param id the extension's stable id
 * @param point the extension point it serves
 * @param instance the extension (for plugin extensions, a guard that runs each call with the
 *     plugin's class loader as context class loader and reports failures with the plugin's id)
 * @param origin {@code builtin} or the id of the plugin that brought it
 * @param description its one-line description
 * @param <T> the extension point type
 */
public record RegisteredExtension<T>(
    String id, Class<T> point, T instance, String origin, String description) {

  /** The origin of extensions that ship with the host. */
  public static final String BUILTIN = "builtin";
}
