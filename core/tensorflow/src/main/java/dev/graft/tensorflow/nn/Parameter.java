package dev.graft.tensorflow.nn;

import java.util.Arrays;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One piece of model state held in a TensorFlow reference variable.
 *
 * @param name the variable (op) name, e.g. {@code conv1/kernel} or {@code optimizer/conv1/kernel/m}
 * @param layer the owning layer, or "" for global state (the step counter)
 * @param role what the value is
 * @param shape the static shape
 * @param variable the graph variable
 */
public record Parameter(
    String name, String layer, Role role, long[] shape, Variable<TFloat32> variable) {

  /** What a variable holds. */
  public enum Role {
    /** A weight matrix or convolution kernel (subject to L2 / weight decay). */
    KERNEL,
    /** A bias, an embedding table or a normalisation scale/offset (trainable, not decayed). */
    OTHER_WEIGHT,
    /** Batch-normalisation moving statistics (updated in training, not by gradients). */
    MOVING_STATISTIC,
    /** Optimizer state (momentum, Adam moments). */
    OPTIMIZER_SLOT,
    /** The global step counter. */
    STEP;

    /**
     * Whether variables of this role are model weights (exported, transferred by head replacement),
     * as opposed to training state.
     *
     * @return true for kernels, other weights and moving statistics
     */
    public boolean isModelWeight() {
      return this == KERNEL || this == OTHER_WEIGHT || this == MOVING_STATISTIC;
    }

    /**
     * Whether gradients update variables of this role.
     *
     * @return true for kernels and other weights
     */
    public boolean isLearned() {
      return this == KERNEL || this == OTHER_WEIGHT;
    }
  }

  /**
   * The number of values.
   *
   * @return the product of the shape
   */
  public int size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p && p.name.equals(name) && Arrays.equals(p.shape, shape);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape) + " (" + role + ")";
  }
}
