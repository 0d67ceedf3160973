package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;

/**
 * The training loss. Every loss is computed per example, multiplied by the example's weight
 * (default 1) and averaged over the batch: {@code sum(w_i * l_i) / n}.
 *
 * @param kind the loss function
 * @param labelSmoothing for cross-entropies, mixes targets with the uniform distribution: {@code y
 *     * (1 - s) + s / k} (softmax, k classes) or {@code y * (1 - s) + s / 2} (sigmoid); in [0, 1)
 */
public record LossSpec(Kind kind, double labelSmoothing) {

  /** The loss function, which also fixes the output transform of the served model. */
  public enum Kind {
    /** Softmax cross-entropy on one-hot (or soft) targets; outputs are softmax probabilities. */
    SOFTMAX_CROSS_ENTROPY,
    /** Per-output sigmoid binary cross-entropy (multi-label); outputs are sigmoid probabilities. */
    SIGMOID_CROSS_ENTROPY,
    /** Mean squared error over outputs; outputs are the raw values. */
    MSE,
    /** Mean absolute error over outputs; outputs are the raw values. */
    MAE;

    /**
     * The lower-case JSON name.
     *
     * @return e.g. "softmax_cross_entropy"
     */
    @JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name case-insensitively.
     *
     * @param text the name
     * @return the kind
     */
    @JsonCreator
    public static Kind of(String text) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(text)) {
          return k;
        }
      }
      throw new ConfigException(
          "'loss.kind' is '"
              + text
              + "'; it must be softmax_cross_entropy, sigmoid_cross_entropy, mse or mae.");
    }

    /**
     * Whether this is a classification loss (outputs are probabilities).
     *
     * @return true for the cross-entropies
     */
    public boolean isClassification() {
      return this == SOFTMAX_CROSS_ENTROPY || this == SIGMOID_CROSS_ENTROPY;
    }
  }

  /** Validates the fields. */
  public LossSpec {
    ConfigException.require(kind != null, "loss.kind", null, "a loss kind");
    ConfigException.require(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "loss.labelSmoothing",
        labelSmoothing,
        "in [0, 1)");
    ConfigException.require(
        labelSmoothing == 0 || kind.isClassification(),
        "loss.labelSmoothing",
        labelSmoothing,
        "0 for regression losses (mse, mae)");
  }

  /**
   * Softmax cross-entropy without smoothing.
   *
   * @return the spec
   */
  public static LossSpec softmaxCrossEntropy() {
    return new LossSpec(Kind.SOFTMAX_CROSS_ENTROPY, 0);
  }

  /**
   * Sigmoid binary cross-entropy without smoothing.
   *
   * @return the spec
   */
  public static LossSpec sigmoidCrossEntropy() {
    return new LossSpec(Kind.SIGMOID_CROSS_ENTROPY, 0);
  }

  /**
   * Mean squared error.
   *
   * @return the spec
   */
  public static LossSpec mse() {
    return new LossSpec(Kind.MSE, 0);
  }

  /**
   * Mean absolute error.
   *
   * @return the spec
   */
  public static LossSpec mae() {
    return new LossSpec(Kind.MAE, 0);
  }

  /**
   * A copy with label smoothing.
   *
   * @param smoothing in [0, 1)
   * @return the new spec
   */
  public LossSpec withLabelSmoothing(double smoothing) {
    return new LossSpec(kind, smoothing);
  }
}
