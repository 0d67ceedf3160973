package dev.graft.tensorflow.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/** Builds the update ops of an {@link OptimizerSpec}. */
final class Optimizers {

  /** Creates a zero-initialised optimizer slot variable for a parameter. */
  interface SlotFactory {
    /**
     * Creates a slot.
     *
     * @param param the parameter
     * @param slot the slot name, e.g. "m"
     * @return the slot variable, same shape as the parameter
     */
    Variable<TFloat32> slot(Parameter param, String slot);
  }

  private Optimizers() {}

  /**
   * Adds the update ops.
   *
   * @param tf the op factory; its control dependencies apply to every update
   * @param spec the optimizer
   * @param params the trained parameters
   * @param grads their gradients (already clipped)
   * @param rates per-parameter learning rates (schedule times multiplier)
   * @param step the global step before this update
   * @param slots creates optimizer state
   * @return the update ops
   */
  static List<Op> updates(
      Ops tf,
      OptimizerSpec spec,
      List<Parameter> params,
      List<Operand<TFloat32>> grads,
      List<Operand<TFloat32>> rates,
      Operand<TFloat32> step,
      SlotFactory slots) {
    List<Op> ops = new ArrayList<>();
    Operand<TFloat32> t = tf.math.add(step, tf.constant(1f));
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) spec.beta1()), t);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) spec.beta2()), t);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      Variable<TFloat32> var = p.variable();
      Operand<TFloat32> g = grads.get(i);
      Operand<TFloat32> lr = rates.get(i);
      switch (spec.kind()) {
        case SGD:
          if (spec.momentum() == 0) {
            ops.add(tf.train.applyGradientDescent(var, lr, g));
          } else {
            ops.add(
                tf.train.applyMomentum(
                    var,
                    slots.slot(p, "momentum"),
                    lr,
                    g,
                    tf.constant((float) spec.momentum()),
                    ApplyMomentum.useNesterov(spec.nesterov())));
          }
          break;
        case ADAM:
        case ADAMW:
          Ops adam = tf;
          if (spec.kind() == OptimizerSpec.Kind.ADAMW
              && spec.weightDecay() > 0
              && p.role() == Parameter.Role.KERNEL) {
            // decoupled decay: w -= lr * wd * w, applied before (and equivalent to alongside) Adam
            Op decay =
                tf.assignSub(
                    var,
                    tf.math.mul(tf.math.mul(lr, tf.constant((float) spec.weightDecay())), var));
            adam = tf.withControlDependencies(List.of(decay));
          }
          ops.add(
              adam.train.applyAdam(
                  var,
                  slots.slot(p, "m"),
                  slots.slot(p, "v"),
                  beta1Power,
                  beta2Power,
                  lr,
                  tf.constant((float) spec.beta1()),
                  tf.constant((float) spec.beta2()),
                  tf.constant((float) spec.epsilon()),
                  g));
          break;
        default:
          throw new IllegalStateException("unhandled optimizer " + spec.kind());
      }
    }
    return ops;
  }
}
