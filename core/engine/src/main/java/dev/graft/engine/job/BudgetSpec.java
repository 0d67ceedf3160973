package dev.graft.engine.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.graft.api.error.ConfigException;
import dev.graft.api.transfer.TrainingBudget;
import java.time.Duration;

/**
 * How much training each (strategy, source, seed) may use.
 *
 * @param epochs maximum epochs
 * @param time maximum wall time per training run, ISO-8601 ({@code PT5M}) or {@code 300s}, {@code
 *     5m}, {@code 1h}
 * @param batchSize mini-batch size
 */
public record BudgetSpec(
    Integer epochs, String time, @JsonProperty("batch-size") Integer batchSize) {

  /** Validates and fills defaults. */
  public BudgetSpec {
    epochs = epochs == null ? 30 : epochs;
    ConfigException.require(
        epochs >= 1 && epochs <= 100_000, "budget.epochs", epochs, "1 to 100000");
    time = time == null ? "10m" : time;
    parse(time);
    batchSize = batchSize == null ? 64 : batchSize;
    ConfigException.require(
        batchSize >= 1 && batchSize <= 65_536, "budget.batch-size", batchSize, "1 to 65536");
  }

  /**
   * The defaults: 30 epochs, 10 minutes, batch 64.
   *
   * @return the spec
   */
  public static BudgetSpec defaults() {
    return new BudgetSpec(null, null, null);
  }

  /**
   * As the API's training budget.
   *
   * @return the budget
   */
  public TrainingBudget toBudget() {
    return new TrainingBudget(epochs, parse(time));
  }

  static Duration parse(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t);
      }
      char unit = t.charAt(t.length() - 1);
      long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
      Duration d =
          switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> null;
          };
      if (d != null && !d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (RuntimeException e) {
      // fall through to the error below, which names the value
    }
    throw new ConfigException(
        "'budget.time' is '" + text + "'; write a positive duration such as 90s, 5m, 1h or PT5M.");
  }
}
