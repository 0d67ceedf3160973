/** Guice wiring of the host: {@link dev.graft.engine.inject.GraftModule}. */
package dev.graft.engine.inject;
