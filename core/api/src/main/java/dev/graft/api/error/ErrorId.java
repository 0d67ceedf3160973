package dev.graft.api.error;

/**
 * A stable identifier for a kind of failure, such as {@code GRAFT-DATA-001}.
 *
 * <p>Error ids never change meaning between releases: users search the troubleshooting guide by
 * them, scripts match on them, and plugins may define their own (by implementing this interface on
 * an enum, with a prefix naming the plugin, e.g. {@code VISION-READ-003}).
 */
public interface ErrorId {

  /**
   * The stable code, e.g. {@code GRAFT-PLUGIN-003}.
   *
   * @return an upper-case code, never blank
   */
  String code();

  /**
   * A short title for the kind of failure, e.g. "duplicate extension id".
   *
   * @return a lower-case phrase
   */
  String title();
}
