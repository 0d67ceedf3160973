package dev.graft.api.extension;

import org.pf4j.ExtensionPoint;

/**
 * What every Graft extension declares, whatever its extension point: a stable id, a one-line
 * description, and its {@link Capabilities}.
 *
 * <p>Ids are lower-case words joined by hyphens ({@code logme}, {@code linear-probe}, {@code
 * image-folder}); see {@link ExtensionIds#validate}. They are unique per extension point across the
 * host and all loaded plugins; the host refuses a second extension with an id already taken and
 * reports it (GRAFT-PLUGIN-005). Ids are part of the public contract: job specs and CLI flags refer
 * to them, so they never change meaning.
 *
 * <p>Extensions are created once per host by the host's injector (constructor injection with {@code
 * jakarta.inject.Inject} is supported) and may be called from several threads; an implementation
 * that is not thread-safe must say so in its description and guard itself.
 */
public interface GraftExtension extends ExtensionPoint {

  /**
   * The stable id, e.g. {@code logme}.
   *
   * @return the id, matching {@link ExtensionIds#PATTERN}
   */
  String id();

  /**
   * A one-line description shown by {@code graft plugins}.
   *
   * @return a non-blank sentence
   */
  String description();

  /**
   * What this extension handles and needs.
   *
   * @return the capabilities
   */
  Capabilities capabilities();
}
