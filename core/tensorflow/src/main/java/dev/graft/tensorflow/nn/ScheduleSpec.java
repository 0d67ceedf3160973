package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A learning-rate schedule, evaluated in the graph from the global step (the number of updates
 * already applied) so that an exported {@code train_step} follows it too.
 *
 * @param kind constant, step or cosine
 * @param baseRate the peak learning rate, positive
 * @param warmupSteps linear warm-up from baseRate / warmupSteps to baseRate over this many steps (0
 *     = none); applies to every kind
 * @param stepSize for step decay: steps between decays
 * @param gamma for step decay: factor per decay, in (0, 1]
 * @param totalSteps for cosine: the step where the rate reaches minRate (warm-up included)
 * @param minRate for cosine: the final rate, in [0, baseRate]
 */
public record ScheduleSpec(
    Kind kind,
    double baseRate,
    int warmupSteps,
    int stepSize,
    double gamma,
    long totalSteps,
    double minRate) {

  /** The schedule shape. */
  public enum Kind {
    /** baseRate throughout. */
    CONSTANT,
    /** baseRate * gamma^floor(step / stepSize). */
    STEP,
    /** Cosine decay from baseRate to minRate between warmupSteps and totalSteps. */
    COSINE;

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
          "'schedule.kind' is '" + text + "'; it must be constant, step or cosine.");
    }
  }

  /** Validates the fields. */
  public ScheduleSpec {
    ConfigException.require(kind != null, "schedule.kind", null, "constant, step or cosine");
    ConfigException.require(
        baseRate > 0 && Double.isFinite(baseRate), "schedule.baseRate", baseRate, "positive");
    ConfigException.require(warmupSteps >= 0, "schedule.warmupSteps", warmupSteps, "0 or more");
    if (kind == Kind.STEP) {
      ConfigException.require(stepSize > 0, "schedule.stepSize", stepSize, "positive");
      ConfigException.require(gamma > 0 && gamma <= 1, "schedule.gamma", gamma, "in (0, 1]");
    }
    if (kind == Kind.COSINE) {
      ConfigException.require(
          totalSteps > warmupSteps,
          "schedule.totalSteps",
          totalSteps,
          "greater than warmupSteps (" + warmupSteps + ")");
      ConfigException.require(
          minRate >= 0 && minRate <= baseRate, "schedule.minRate", minRate, "in [0, baseRate]");
    }
  }

  /**
   * A constant rate.
   *
   * @param rate the rate
   * @return the schedule
   */
  public static ScheduleSpec constant(double rate) {
    return new ScheduleSpec(Kind.CONSTANT, rate, 0, 0, 1, 0, 0);
  }

  /**
   * Step decay.
   *
   * @param rate the initial rate
   * @param stepSize steps between decays
   * @param gamma factor per decay
   * @return the schedule
   */
  public static ScheduleSpec step(double rate, int stepSize, double gamma) {
    return new ScheduleSpec(Kind.STEP, rate, 0, stepSize, gamma, 0, 0);
  }

  /**
   * Cosine decay with linear warm-up.
   *
   * @param rate the peak rate
   * @param warmupSteps warm-up steps
   * @param totalSteps the step where the rate reaches minRate
   * @param minRate the final rate
   * @return the schedule
   */
  public static ScheduleSpec cosine(double rate, int warmupSteps, long totalSteps, double minRate) {
    return new ScheduleSpec(Kind.COSINE, rate, warmupSteps, 0, 1, totalSteps, minRate);
  }

  /**
   * The rate used for the update that follows {@code step} completed updates (Java mirror of the
   * graph computation, for listeners and tests).
   *
   * @param step completed updates, 0 for the first update
   * @return the learning rate
   */
  public double rateAt(long step) {
    double warm = warmupSteps == 0 ? 1 : Math.min(1.0, (step + 1.0) / warmupSteps);
    switch (kind) {
      case CONSTANT:
        return baseRate * warm;
      case STEP:
        return baseRate * warm * Math.pow(gamma, Math.floor((double) step / stepSize));
      case COSINE:
        double progress =
            Math.min(
                1.0, Math.max(0.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps)));
        double cos = minRate + (baseRate - minRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
        return cos * warm;
      default:
        throw new IllegalStateException("unhandled schedule " + kind);
    }
  }

  /**
   * Adds the schedule to the graph.
   *
   * @param tf the op factory
   * @param step the global step (completed updates) as a float scalar
   * @return the learning-rate scalar
   */
  public Operand<TFloat32> build(Ops tf, Operand<TFloat32> step) {
    Operand<TFloat32> warm =
        warmupSteps == 0
            ? tf.constant(1f)
            : tf.math.minimum(
                tf.constant(1f),
                tf.math.div(tf.math.add(step, tf.constant(1f)), tf.constant((float) warmupSteps)));
    Operand<TFloat32> rate;
    switch (kind) {
      case CONSTANT:
        rate = tf.constant((float) baseRate);
        break;
      case STEP:
        rate =
            tf.math.mul(
                tf.constant((float) baseRate),
                tf.math.pow(
                    tf.constant((float) gamma),
                    tf.math.floor(tf.math.div(step, tf.constant((float) stepSize)))));
        break;
      case COSINE:
        Operand<TFloat32> progress =
            tf.math.minimum(
                tf.constant(1f),
                tf.math.maximum(
                    tf.constant(0f),
                    tf.math.div(
                        tf.math.sub(step, tf.constant((float) warmupSteps)),
                        tf.constant((float) (totalSteps - warmupSteps)))));
        Operand<TFloat32> cos =
            tf.math.mul(
                tf.constant(0.5f),
                tf.math.add(
                    tf.constant(1f),
                    tf.math.cos(tf.math.mul(tf.constant((float) Math.PI), progress))));
        rate =
            tf.math.add(
                tf.constant((float) minRate),
                tf.math.mul(tf.constant((float) (baseRate - minRate)), cos));
        break;
      default:
        throw new IllegalStateException("unhandled schedule " + kind);
    }
    return tf.math.mul(rate, warm);
  }
}
