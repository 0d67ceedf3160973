package dev.graft.api.estimate;

import java.time.Duration;
import java.util.Map;

/**
 * One estimator's score for one source on one target.
 *
 * @param estimatorId the estimator that produced it
 * @param value the score
 * @param higherIsBetter whether larger values predict better transfer
 * @param details estimator-specific diagnostics (e.g. LogME's mean alpha/beta, kNN's k)
 * @param elapsed wall time spent computing it
 */
public record TransferabilityScore(
    String estimatorId,
    double value,
    boolean higherIsBetter,
    Map<String, Double> details,
    Duration elapsed) {

  /** Freezes the details. */
  public TransferabilityScore {
    details = details == null ? Map.of() : Map.copyOf(details);
    elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  /**
   * Whether this score predicts better transfer than {@code other} (same estimator).
   *
   * @param other another score of the same estimator
   * @return true if strictly better
   */
  public boolean betterThan(TransferabilityScore other) {
    return higherIsBetter ? value > other.value : value < other.value;
  }
}
