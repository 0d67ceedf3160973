package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** An element-wise (or, for softmax, last-axis) activation function. */
public enum Activation {
  /** The identity. */
  LINEAR,
  /** max(x, 0). */
  RELU,
  /** The exact Gaussian error linear unit, 0.5 x (1 + erf(x / sqrt 2)). */
  GELU,
  /** The hyperbolic tangent. */
  TANH,
  /** The logistic sigmoid. */
  SIGMOID,
  /** Softmax over the last axis. */
  SOFTMAX;

  /**
   * Adds this activation to the graph.
   *
   * @param tf the op factory (its scope names the ops)
   * @param x the pre-activation
   * @return the activated tensor
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    switch (this) {
      case LINEAR:
        return x;
      case RELU:
        return tf.nn.relu(x);
      case GELU:
        Operand<TFloat32> cdf =
            tf.math.mul(
                tf.constant(0.5f),
                tf.math.add(
                    tf.constant(1f),
                    tf.math.erf(tf.math.mul(x, tf.constant((float) (1.0 / Math.sqrt(2.0)))))));
        return tf.math.mul(x, cdf);
      case TANH:
        return tf.math.tanh(x);
      case SIGMOID:
        return tf.math.sigmoid(x);
      case SOFTMAX:
        return tf.nn.softmax(x);
      default:
        throw new IllegalStateException("unhandled activation " + this);
    }
  }

  /**
   * The lower-case JSON name, e.g. {@code relu}.
   *
   * @return the name
   */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name, e.g. "relu"
   * @return the activation
   * @throws ConfigException if the name is unknown
   */
  @JsonCreator
  public static Activation of(String text) {
    for (Activation a : values()) {
      if (a.name().equalsIgnoreCase(text)) {
        return a;
      }
    }
    throw new ConfigException(
        "'activation' is '"
            + text
            + "'; it must be one of linear, relu, gelu, tanh, sigmoid, softmax.");
  }
}
