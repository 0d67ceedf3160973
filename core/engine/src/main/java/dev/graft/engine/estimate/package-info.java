/**
 * Built-in transferability estimators ({@code logme}, {@code leep}, {@code nce}, {@code hscore},
 * {@code hscore-shrinkage}, {@code gbc}, {@code transrate}, {@code knn}, {@code linear-probe}), the
 * {@link dev.graft.engine.estimate.Estimation} entry point that scores one or many sources with
 * several estimators, a {@link dev.graft.engine.estimate.ConsensusRanking} across estimators, and
 * {@link dev.graft.engine.estimate.WeightedKendallTau} for validating rankings.
 *
 * <p>Every estimator follows its paper's definition as implemented by the authors' reference code;
 * each class documents the formula and any deliberate deviation.
 */
package dev.graft.engine.estimate;
