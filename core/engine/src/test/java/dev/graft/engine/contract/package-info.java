/**
 * The testkit's contract suites ({@code TransferStrategyContract}, {@code SourceLoaderContract})
 * run against every built-in strategy and source loader, on generated vector data and a small Graft
 * model trained in the test.
 */
package dev.graft.engine.contract;
