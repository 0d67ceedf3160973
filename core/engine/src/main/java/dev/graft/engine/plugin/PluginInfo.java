package dev.graft.engine.plugin;

/**
 * A plugin the host found.
 *
 * @param id the plugin id ({@code Plugin-Id})
 * @param version its version
 * @param state PF4J's state: STARTED, DISABLED, FAILED, ...
 * @param location its jar, zip or folder
 * @param requires its {@code Plugin-Requires} range
 * @param provider who ships it
 * @param description what it is
 */
public record PluginInfo(
    String id,
    String version,
    String state,
    String location,
    String requires,
    String provider,
    String description) {}
