/**
 * File utilities for extension authors: {@link dev.graft.api.io.AtomicFiles} (write-then-rename).
 */
package dev.graft.api.io;
