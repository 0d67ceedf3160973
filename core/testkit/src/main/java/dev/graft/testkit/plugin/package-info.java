/**
 * Building real plugin jars in tests: {@link dev.graft.testkit.plugin.PluginJarBuilder} compiles
 * source text with PF4J's annotation processor and writes a jar with the PF4J manifest.
 */
package dev.graft.testkit.plugin;
