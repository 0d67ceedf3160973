package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;

/**
 * The optimizer, built as TensorFlow update ops.
 *
 * @param kind sgd, adam or adamw
 * @param schedule the learning-rate schedule
 * @param momentum for SGD: momentum in [0, 1) (0 = plain gradient descent)
 * @param nesterov for SGD with momentum: use Nesterov momentum
 * @param beta1 for Adam/AdamW: first-moment decay in [0, 1)
 * @param beta2 for Adam/AdamW: second-moment decay in [0, 1)
 * @param epsilon for Adam/AdamW: denominator epsilon, positive
 * @param weightDecay for AdamW: decoupled decay {@code w -= lr * weightDecay * w} on kernels; must
 *     be 0 for SGD and Adam (use {@code l2})
 * @param l2 L2 penalty {@code l2 * sum(w^2)} over trainable kernels added to the loss (0 = none)
 * @param clipNorm rescale the gradients so that their global L2 norm is at most this (0 = off)
 * @param clipValue clip every gradient value to [-clipValue, clipValue] (0 = off)
 */
public record OptimizerSpec(
    Kind kind,
    ScheduleSpec schedule,
    double momentum,
    boolean nesterov,
    double beta1,
    double beta2,
    double epsilon,
    double weightDecay,
    double l2,
    double clipNorm,
    double clipValue) {

  /** The update rule. */
  public enum Kind {
    /** Stochastic gradient descent, optionally with (Nesterov) momentum. */
    SGD,
    /** Adam (Kingma and Ba). */
    ADAM,
    /** Adam with decoupled weight decay (Loshchilov and Hutter). */
    ADAMW;

    /**
     * The lower-case JSON name.
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
          "'optimizer.kind' is '" + text + "'; it must be sgd, adam or adamw.");
    }
  }

  /** Validates the fields. */
  public OptimizerSpec {
    ConfigException.require(kind != null, "optimizer.kind", null, "sgd, adam or adamw");
    ConfigException.require(
        schedule != null, "optimizer.schedule", null, "a learning-rate schedule");
    ConfigException.require(
        momentum >= 0 && momentum < 1, "optimizer.momentum", momentum, "in [0, 1)");
    ConfigException.require(beta1 >= 0 && beta1 < 1, "optimizer.beta1", beta1, "in [0, 1)");
    ConfigException.require(beta2 >= 0 && beta2 < 1, "optimizer.beta2", beta2, "in [0, 1)");
    ConfigException.require(epsilon > 0, "optimizer.epsilon", epsilon, "positive");
    ConfigException.require(weightDecay >= 0, "optimizer.weightDecay", weightDecay, "0 or more");
    ConfigException.require(
        weightDecay == 0 || kind == Kind.ADAMW,
        "optimizer.weightDecay",
        weightDecay,
        "0 unless the optimizer is adamw (use 'l2' for sgd and adam)");
    ConfigException.require(l2 >= 0, "optimizer.l2", l2, "0 or more");
    ConfigException.require(clipNorm >= 0, "optimizer.clipNorm", clipNorm, "0 (off) or positive");
    ConfigException.require(
        clipValue >= 0, "optimizer.clipValue", clipValue, "0 (off) or positive");
  }

  /**
   * SGD with momentum.
   *
   * @param rate the constant learning rate
   * @param momentum the momentum (0 = plain SGD)
   * @return the spec
   */
  public static OptimizerSpec sgd(double rate, double momentum) {
    return new OptimizerSpec(
        Kind.SGD, ScheduleSpec.constant(rate), momentum, false, 0.9, 0.999, 1e-7, 0, 0, 0, 0);
  }

  /**
   * Adam with the usual defaults (beta1 0.9, beta2 0.999, epsilon 1e-7).
   *
   * @param rate the constant learning rate
   * @return the spec
   */
  public static OptimizerSpec adam(double rate) {
    return new OptimizerSpec(
        Kind.ADAM, ScheduleSpec.constant(rate), 0, false, 0.9, 0.999, 1e-7, 0, 0, 0, 0);
  }

  /**
   * AdamW.
   *
   * @param rate the constant learning rate
   * @param weightDecay the decoupled weight decay
   * @return the spec
   */
  public static OptimizerSpec adamW(double rate, double weightDecay) {
    return new OptimizerSpec(
        Kind.ADAMW, ScheduleSpec.constant(rate), 0, false, 0.9, 0.999, 1e-7, weightDecay, 0, 0, 0);
  }

  /**
   * A copy with another schedule.
   *
   * @param s the schedule
   * @return the new spec
   */
  public OptimizerSpec withSchedule(ScheduleSpec s) {
    return new OptimizerSpec(
        kind, s, momentum, nesterov, beta1, beta2, epsilon, weightDecay, l2, clipNorm, clipValue);
  }

  /**
   * A copy with Nesterov momentum switched on or off.
   *
   * @param on whether to use Nesterov momentum
   * @return the new spec
   */
  public OptimizerSpec withNesterov(boolean on) {
    return new OptimizerSpec(
        kind, schedule, momentum, on, beta1, beta2, epsilon, weightDecay, l2, clipNorm, clipValue);
  }

  /**
   * A copy with an L2 penalty.
   *
   * @param coefficient the penalty coefficient
   * @return the new spec
   */
  public OptimizerSpec withL2(double coefficient) {
    return new OptimizerSpec(
        kind,
        schedule,
        momentum,
        nesterov,
        beta1,
        beta2,
        epsilon,
        weightDecay,
        coefficient,
        clipNorm,
        clipValue);
  }

  /**
   * A copy with gradient clipping.
   *
   * @param norm global-norm limit (0 = off)
   * @param value per-value limit (0 = off)
   * @return the new spec
   */
  public OptimizerSpec withClipping(double norm, double value) {
    return new OptimizerSpec(
        kind, schedule, momentum, nesterov, beta1, beta2, epsilon, weightDecay, l2, norm, value);
  }
}
