package dev.graft.recommender.read;

import dev.graft.api.error.ErrorId;

/**
 * One bad row: where, which error, and why.
 *
 * @param location {@code file:line}
 * @param error the error id
 * @param reason what is wrong and what to do
 */
record RowProblem(String location, ErrorId error, String reason) {}
