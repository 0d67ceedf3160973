/**
 * Graft's error model: every deliberate failure is a {@link dev.graft.api.error.GraftException}
 * carrying a stable {@link dev.graft.api.error.ErrorId} and a message that names what was wrong,
 * where, and what to do.
 */
package dev.graft.api.error;
