package dev.graft.tensorflow.train;

import java.util.List;

/**
 * The trainer's position and bookkeeping, saved in a checkpoint next to the variables.
 *
 * @param epoch the epoch in progress (or the next one when {@code batch} is 0)
 * @param batch batches of {@code epoch} already applied
 * @param epochLossSum sum of (batch loss x batch size) over those batches
 * @param epochExamples examples in those batches
 * @param epochSteps steps in those batches
 * @param epochSeconds training time spent on those batches
 * @param bestValue the best early-stopping metric so far (NaN = none)
 * @param bestEpoch the epoch of {@code bestValue} (-1 = none)
 * @param epochsWithoutImprovement epochs since the best one
 * @param history summaries of completed epochs
 * @param networkJson the network spec the checkpoint belongs to
 */
public record TrainingState(
    int epoch,
    int batch,
    double epochLossSum,
    long epochExamples,
    int epochSteps,
    double epochSeconds,
    double bestValue,
    int bestEpoch,
    int epochsWithoutImprovement,
    List<EpochSummary> history,
    String networkJson) {

  /** Copies the history. */
  public TrainingState {
    history = List.copyOf(history);
  }
}
