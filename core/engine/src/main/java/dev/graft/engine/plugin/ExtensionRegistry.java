package dev.graft.engine.plugin;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.ExtensionIds;
import dev.graft.api.extension.GraftExtension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every usable extension, by extension point and id: the host's built-ins first, then those of the
 * started plugins in plugin-id order. Ids are unique per point: a later extension that declares an
 * id already taken, or an invalid id or description, is refused and reported as a {@link
 * PluginProblem}. Immutable once built; safe to share between threads.
 */
public final class ExtensionRegistry {

  private final Map<Class<?>, Map<String, RegisteredExtension<?>>> byPoint;

  private ExtensionRegistry(Map<Class<?>, Map<String, RegisteredExtension<?>>> byPoint) {
    this.byPoint = byPoint;
  }

  /**
   * Builds the registry.
   *
   * @param builtins the host's own extensions, per point
   * @param host the started plugin host, whose extensions are added and to which problems are
   *     reported
   * @return the registry
   */
  public static ExtensionRegistry build(
      Map<Class<? extends GraftExtension>, ? extends Collection<? extends GraftExtension>> builtins,
      PluginHost host) {
    Map<Class<?>, Map<String, RegisteredExtension<?>>> byPoint = new LinkedHashMap<>();
    for (Class<? extends GraftExtension> point : ExtensionPoints.ALL) {
      byPoint.put(point, new LinkedHashMap<>());
    }
    for (Class<? extends GraftExtension> point : ExtensionPoints.ALL) {
      Collection<? extends GraftExtension> ofPoint = builtins.get(point);
      for (GraftExtension ext : ofPoint == null ? List.<GraftExtension>of() : ofPoint) {
        // A bad built-in is a Graft bug: fail loudly rather than report.
        add(byPoint, point, ext, RegisteredExtension.BUILTIN);
      }
    }
    for (PluginHost.PluginExtension pe : host.extensions()) {
      try {
        add(byPoint, pe.point(), pe.instance(), pe.pluginId());
      } catch (GraftException e) {
        host.report(
            new PluginProblem(
                pe.pluginId(), host.location(pe.pluginId()), e.errorId(), e.detail()));
      }
    }
    return new ExtensionRegistry(byPoint);
  }

  private static void add(
      Map<Class<?>, Map<String, RegisteredExtension<?>>> byPoint,
      Class<? extends GraftExtension> point,
      GraftExtension ext,
      String origin) {
    String id = ExtensionIds.validate(ext.id(), ext.toString());
    String description = ext.description();
    if (description == null || description.isBlank()) {
      throw new GraftException(
          GraftErrors.INVALID_EXTENSION,
          "extension '" + id + "' (" + ext + ") has a blank description; give it one line.");
    }
    if (ext.capabilities() == null) {
      throw new GraftException(
          GraftErrors.INVALID_EXTENSION,
          "extension '" + id + "' (" + ext + ") declares no capabilities.");
    }
    Map<String, RegisteredExtension<?>> ids = byPoint.get(point);
    RegisteredExtension<?> existing = ids.get(id);
    if (existing != null) {
      throw new GraftException(
          GraftErrors.DUPLICATE_EXTENSION_ID,
          ExtensionPoints.displayName(point)
              + " id '"
              + id
              + "' is already taken by "
              + (existing.origin().equals(RegisteredExtension.BUILTIN)
                  ? "a built-in extension"
                  : "plugin '" + existing.origin() + "'")
              + "; this one is skipped. Give the extension a distinct id.");
    }
    ids.put(id, register(point, ext, origin, id, description));
  }

  private static <T extends GraftExtension> RegisteredExtension<T> register(
      Class<T> point, GraftExtension ext, String origin, String id, String description) {
    return new RegisteredExtension<>(id, point, point.cast(ext), origin, description);
  }

  /**
   * All extensions of a point, built-ins first.
   *
   * @param point the extension point
   * @param <T> its type
   * @return the registered extensions
   */
  @SuppressWarnings("unchecked")
  public <T> List<RegisteredExtension<T>> all(Class<T> point) {
    Map<String, RegisteredExtension<?>> ids = byPoint.get(point);
    if (ids == null) {
      throw new IllegalArgumentException(point + " is not a Graft extension point");
    }
    List<RegisteredExtension<T>> out = new ArrayList<>();
    ids.values().forEach(r -> out.add((RegisteredExtension<T>) r));
    return out;
  }

  /**
   * One extension by id.
   *
   * @param point the extension point
   * @param id the id
   * @param <T> its type
   * @return the extension, if registered
   */
  public <T> Optional<T> find(Class<T> point, String id) {
    return all(point).stream()
        .filter(r -> r.id().equals(id))
        .map(RegisteredExtension::instance)
        .findFirst();
  }

  /**
   * One extension by id, or an error listing the ids that exist.
   *
   * @param point the extension point
   * @param id the id
   * @param <T> its type
   * @return the extension
   * @throws GraftException GRAFT-PLUGIN-008 if there is none
   */
  public <T> T require(Class<T> point, String id) {
    return find(point, id)
        .orElseThrow(
            () ->
                new GraftException(
                    GraftErrors.UNKNOWN_EXTENSION,
                    "no "
                        + ExtensionPoints.displayName(point)
                        + " with id '"
                        + id
                        + "'"
                        + dev.graft.engine.job.Suggestions.hint(
                            id, all(point).stream().map(RegisteredExtension::id).toList())
                        + "; available: "
                        + all(point).stream()
                            .map(RegisteredExtension::id)
                            .collect(Collectors.joining(", "))
                        + ". Run 'graft plugins' to see what is installed."));
  }
}
