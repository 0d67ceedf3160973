/**
 * Saving and showing a run's results: {@link dev.graft.engine.report.RunResultJson} writes and
 * reads {@code result.json}, {@link dev.graft.engine.report.HtmlReport} renders the self-contained
 * {@code report.html} (inline CSS and SVG, no scripts, no network), and {@link
 * dev.graft.engine.report.Pca2D} projects source and target features to 2-D for its scatter plot.
 * Every file is written with {@link dev.graft.api.io.AtomicFiles}.
 */
package dev.graft.engine.report;
