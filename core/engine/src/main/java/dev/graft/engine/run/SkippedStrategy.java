package dev.graft.engine.run;

/**
 * A strategy the pipeline did not run on a source, and why (e.g. "needs unlabelled target data").
 *
 * @param strategyId the strategy
 * @param sourceId the source
 * @param reason why it was skipped
 */
public record SkippedStrategy(String strategyId, String sourceId, String reason) {}
