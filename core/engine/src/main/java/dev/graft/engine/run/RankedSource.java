package dev.graft.engine.run;

import java.util.Map;

/**
 * One row of the source ranking table.
 *
 * @param sourceId the source
 * @param rank 1 = best by consensus
 * @param consensusRank the mean of the per-estimator ranks (1 = best), lower is better
 * @param scores the score of each estimator, by estimator id
 * @param seconds the time each estimator took, by estimator id (feature extraction excluded)
 * @param selected whether the strategies ran on this source (it was within {@code keep-top})
 */
public record RankedSource(
    String sourceId,
    int rank,
    double consensusRank,
    Map<String, Double> scores,
    Map<String, Double> seconds,
    boolean selected) {

  /** Freezes the maps. */
  public RankedSource {
    scores = Map.copyOf(scores);
    seconds = Map.copyOf(seconds);
  }
}
