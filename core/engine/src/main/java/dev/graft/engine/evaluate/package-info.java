/**
 * The built-in {@link dev.graft.api.evaluate.Evaluator}s and the metrics behind them.
 *
 * <ul>
 *   <li>{@code classification} ({@link dev.graft.engine.evaluate.ClassificationEvaluator}): {@code
 *       accuracy}, {@code macro-f1}, {@code roc-auc}, {@code roc-auc/skipped-classes}, {@code ece},
 *       {@code precision/<class>}, {@code recall/<class>}; the {@link
 *       dev.graft.engine.evaluate.ConfusionMatrix} is available separately for reports.
 *   <li>{@code regression} ({@link dev.graft.engine.evaluate.RegressionEvaluator}): {@code rmse},
 *       {@code mae}, {@code r2}.
 *   <li>{@code ranking} ({@link dev.graft.engine.evaluate.RankingEvaluator}): {@code ndcg@k},
 *       {@code hr@k}, {@code mrr}, {@code ranking/skipped-users}.
 * </ul>
 *
 * <p>Metric names are part of the public contract: reports, job specs and the negative-transfer
 * guard refer to them. Evaluation protocols (splits, repeated runs, learning curves, paired
 * comparisons) live in {@code dev.graft.engine.evaluate.protocol}; their statistics in {@code
 * dev.graft.engine.evaluate.stats}.
 */
package dev.graft.engine.evaluate;
