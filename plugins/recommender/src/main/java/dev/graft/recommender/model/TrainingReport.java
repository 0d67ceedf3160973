package dev.graft.recommender.model;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochs epochs run
 * @param losses mean training loss per epoch
 * @param interactions interactions per epoch
 * @param seconds wall time of the training steps (graph building excluded)
 */
public record TrainingReport(int epochs, List<Double> losses, int interactions, double seconds) {

  /** Freezes the list. */
  public TrainingReport {
    losses = List.copyOf(losses);
  }

  /**
   * Training throughput.
   *
   * @return interactions processed per second
   */
  public double interactionsPerSecond() {
    return seconds > 0 ? (double) epochs * interactions / seconds : 0;
  }
}
