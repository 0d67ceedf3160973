/**
 * On-demand benchmarks (not part of the test run). See {@link
 * dev.graft.engine.bench.EstimatorBench} for the command line.
 */
package dev.graft.engine.bench;
