/**
 * Numeric building blocks of the built-in estimators: a parallel, cache-blocked Gram kernel, the
 * symmetric eigen-projection built on EJML's tridiagonal QR algorithm, and small statistics
 * helpers. Internal: not part of Graft's public API and may change without notice.
 */
package dev.graft.engine.estimate.internal;
