/**
 * Evaluation protocols: seeded, stratified data splits ({@link
 * dev.graft.engine.evaluate.protocol.Splits}), repeated runs over seeds ({@link
 * dev.graft.engine.evaluate.protocol.RepeatedRuns}) or folds ({@link
 * dev.graft.engine.evaluate.protocol.CrossValidation}) summarised with 95% intervals, learning
 * curves over label budgets ({@link dev.graft.engine.evaluate.protocol.LearningCurve}), and paired
 * comparisons of two methods over the same seeds or folds ({@link
 * dev.graft.engine.evaluate.protocol.PairedComparison}), which the negative-transfer guard uses.
 *
 * <p>Every protocol is deterministic given its seeds: the same labels and seed give the same split
 * on every run and platform ({@link java.util.Random} is specified bit for bit).
 */
package dev.graft.engine.evaluate.protocol;
