/**
 * A minimal host application embedding Graft through its public API: a {@link
 * dev.graft.engine.Graft} runtime, a job built in Java, ranking, a transfer run, and the exported
 * model served from several threads. {@code docs/embedding.md} walks through it.
 */
package dev.graft.examples.host;
