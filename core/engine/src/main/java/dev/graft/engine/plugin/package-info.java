/**
 * The plugin host: PF4J loads plugin jars and zips from a folder, the host creates their extensions
 * through Guice, guards every call, and records every failure as a {@link
 * dev.graft.engine.plugin.PluginProblem} instead of stopping. {@link
 * dev.graft.engine.plugin.ExtensionRegistry} merges built-in and plugin extensions by id.
 */
package dev.graft.engine.plugin;
