/**
 * Statistics for repeated evaluation runs: {@link dev.graft.engine.evaluate.stats.Summary} (mean,
 * sample standard deviation and a Student-t confidence interval) and the {@link
 * dev.graft.engine.evaluate.stats.StudentT} distribution it uses, computed from the regularised
 * incomplete beta function rather than from a table.
 */
package dev.graft.engine.evaluate.stats;
