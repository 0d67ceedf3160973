package dev.graft.api.transfer;

import dev.graft.api.error.ConfigException;
import java.time.Duration;

/**
 * How much training a strategy may spend on one (source, target) pair.
 *
 * @param maxEpochs upper bound on epochs, at least 1
 * @param maxTime wall-time bound; a strategy stops at the end of the epoch that crosses it
 */
public record TrainingBudget(int maxEpochs, Duration maxTime) {

  /** Validates. */
  public TrainingBudget {
    ConfigException.require(maxEpochs >= 1, "budget.epochs", maxEpochs, "1 or more");
    ConfigException.require(
        maxTime != null && !maxTime.isNegative() && !maxTime.isZero(),
        "budget.time",
        maxTime,
        "a positive duration");
  }
}
