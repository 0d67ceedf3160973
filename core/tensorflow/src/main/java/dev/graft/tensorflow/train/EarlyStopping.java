package dev.graft.tensorflow.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;

/**
 * Stops training when a metric has not improved for {@code patience} epochs.
 *
 * @param metric the monitored metric
 * @param patience epochs without improvement before stopping, positive
 * @param minDelta the smallest change that counts as an improvement, 0 or more
 * @param restoreBest whether to end with the weights of the best epoch
 */
public record EarlyStopping(Metric metric, int patience, double minDelta, boolean restoreBest) {

  /** A monitored metric and whether lower is better. */
  public enum Metric {
    /** Validation loss (lower is better). */
    VAL_LOSS(true),
    /** Validation accuracy (higher is better). */
    VAL_ACCURACY(false),
    /** Validation mean absolute error (lower is better). */
    VAL_MAE(true),
    /** Training loss (lower is better); needs no validation set. */
    TRAIN_LOSS(true);

    private final boolean lowerIsBetter;

    Metric(boolean lowerIsBetter) {
      this.lowerIsBetter = lowerIsBetter;
    }

    /**
     * Whether a lower value is better.
     *
     * @return true for losses and errors
     */
    public boolean lowerIsBetter() {
      return lowerIsBetter;
    }

    /**
     * Whether the metric needs a validation set.
     *
     * @return true for the VAL_ metrics
     */
    public boolean needsValidation() {
      return this != TRAIN_LOSS;
    }

    /**
     * Reads the metric from an epoch summary.
     *
     * @param s the summary
     * @return the value
     */
    public double of(EpochSummary s) {
      switch (this) {
        case TRAIN_LOSS:
          return s.trainLoss();
        case VAL_LOSS:
          return s.validation().loss();
        case VAL_ACCURACY:
          return s.validation().accuracy();
        case VAL_MAE:
          return s.validation().meanAbsoluteError();
        default:
          throw new IllegalStateException("unhandled metric " + this);
      }
    }

    /**
     * The lower-case JSON name.
     *
     * @return e.g. "val_loss"
     */
    @JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name case-insensitively.
     *
     * @param text the name
     * @return the metric
     */
    @JsonCreator
    public static Metric of(String text) {
      for (Metric m : values()) {
        if (m.name().equalsIgnoreCase(text)) {
          return m;
        }
      }
      throw new ConfigException(
          "'earlyStopping.metric' is '"
              + text
              + "'; it must be val_loss, val_accuracy, val_mae or train_loss.");
    }
  }

  /** Validates the fields. */
  public EarlyStopping {
    ConfigException.require(metric != null, "earlyStopping.metric", null, "a metric");
    ConfigException.require(patience > 0, "earlyStopping.patience", patience, "positive");
    ConfigException.require(minDelta >= 0, "earlyStopping.minDelta", minDelta, "0 or more");
  }

  /**
   * Whether {@code value} improves on {@code best}.
   *
   * @param value the new value
   * @param best the best so far (NaN = none yet)
   * @return true if it is an improvement
   */
  public boolean improves(double value, double best) {
    if (Double.isNaN(best)) {
      return !Double.isNaN(value);
    }
    return metric.lowerIsBetter() ? value < best - minDelta : value > best + minDelta;
  }
}
