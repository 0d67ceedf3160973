package dev.graft.engine.run;

/**
 * The model the run chose, and why.
 *
 * @param strategyId the winning strategy
 * @param sourceId its source
 * @param metric the deciding metric
 * @param mean its mean over runs
 * @param reason why it won (e.g. "best accuracy among models that beat scratch beyond noise")
 * @param exportedTo the exported model folder, relative to the run folder
 */
public record Winner(
    String strategyId,
    String sourceId,
    String metric,
    double mean,
    String reason,
    String exportedTo) {}
