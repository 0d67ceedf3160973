package dev.graft.api.estimate;

import dev.graft.api.extension.GraftExtension;

/**
 * Scores how well a source will transfer to a target <em>before</em> any training, from the
 * source's features on the target data (and, for some estimators, the source model's predictions).
 *
 * <p>Built-ins: {@code logme}, {@code leep}, {@code nce}, {@code hscore}, {@code gbc}, {@code
 * transrate}, {@code knn}, {@code linear-probe}. What an estimator needs is declared in {@link
 * #capabilities()}: {@code FEATURES} and/or {@code SOURCE_PROBABILITIES} / {@code
 * SOURCE_HARD_LABELS}, and the task types it handles. Scores of one estimator are comparable across
 * sources for the same target; scores of different estimators are not (use a consensus ranking).
 *
 * <p>Implementations are stateless and thread-safe; given the same input they return the same value
 * (those that sample take their seed from the input).
 */
public interface TransferabilityEstimator extends GraftExtension {

  /**
   * Whether a larger score means better expected transfer.
   *
   * @return true if higher is better
   */
  boolean higherIsBetter();

  /**
   * How to read a score, e.g. "average log evidence per example; higher is better; typical range
   * -2..2". Shown beside rankings.
   *
   * @return one or two sentences
   */
  String interpretation();

  /**
   * Scores one source for one target.
   *
   * @param input features on the target data, target labels, optional source predictions
   * @return the score with per-estimator details
   * @throws dev.graft.api.error.InvalidInputException on invalid input (NaN, size mismatch, a
   *     single class, probabilities that do not sum to 1), naming the problem
   * @throws dev.graft.api.error.GraftException GRAFT-EXT-001 if a declared requirement is missing
   */
  TransferabilityScore estimate(EstimationInput input);
}
