/**
 * The Graft host: configuration ({@link dev.graft.engine.GraftConfig}), version, and the entry
 * points embedding applications use. Plugin hosting lives in {@code dev.graft.engine.plugin}, Guice
 * wiring in {@code dev.graft.engine.inject}.
 */
package dev.graft.engine;
