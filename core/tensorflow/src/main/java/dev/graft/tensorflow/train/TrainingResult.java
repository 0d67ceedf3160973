package dev.graft.tensorflow.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param history one summary per completed epoch (including epochs before a resume)
 * @param bestEpoch the best epoch by the early-stopping metric, or the last epoch without early
 *     stopping
 * @param stoppedEarly whether early stopping ended training
 * @param resumedAtStep the global step restored from a checkpoint, or -1 for a fresh run
 * @param globalStep updates applied in total
 */
public record TrainingResult(
    List<EpochSummary> history,
    int bestEpoch,
    boolean stoppedEarly,
    long resumedAtStep,
    long globalStep) {

  /**
   * The last epoch's summary.
   *
   * @return the summary
   */
  public EpochSummary last() {
    return history.get(history.size() - 1);
  }
}
