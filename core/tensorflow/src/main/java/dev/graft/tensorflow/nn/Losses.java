package dev.graft.tensorflow.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph form of each {@link LossSpec} and of the matching output transform. */
final class Losses {

  private Losses() {}

  /**
   * The per-example loss.
   *
   * @param tf the op factory
   * @param spec the loss
   * @param logits raw network outputs [batch, k]
   * @param targets targets [batch, k] (one-hot or soft for softmax cross-entropy, 0/1 per output
   *     for sigmoid, values for regression)
   * @return the loss of each example [batch]
   */
  static Operand<TFloat32> perExample(
      Ops tf, LossSpec spec, Operand<TFloat32> logits, Operand<TFloat32> targets) {
    long k = logits.shape().size(-1);
    float s = (float) spec.labelSmoothing();
    switch (spec.kind()) {
      case SOFTMAX_CROSS_ENTROPY:
        {
          Operand<TFloat32> y = s == 0 ? targets : smooth(tf, targets, s, k);
          return tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss();
        }
      case SIGMOID_CROSS_ENTROPY:
        {
          Operand<TFloat32> y = s == 0 ? targets : smooth(tf, targets, s, 2);
          // max(x, 0) - x * y + log(1 + exp(-|x|)): stable for large |x|
          Operand<TFloat32> l =
              tf.math.add(
                  tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, y)),
                  tf.math.softplus(tf.math.neg(tf.math.abs(logits))));
          return tf.math.mean(l, tf.constant(1));
        }
      case MSE:
        return tf.math.mean(tf.math.square(tf.math.sub(logits, targets)), tf.constant(1));
      case MAE:
        return tf.math.mean(tf.math.abs(tf.math.sub(logits, targets)), tf.constant(1));
      default:
        throw new IllegalStateException("unhandled loss " + spec.kind());
    }
  }

  private static Operand<TFloat32> smooth(Ops tf, Operand<TFloat32> y, float s, long classes) {
    return tf.math.add(tf.math.mul(y, tf.constant(1 - s)), tf.constant(s / classes));
  }

  /**
   * The served output for a loss: softmax or sigmoid probabilities, or the raw values.
   *
   * @param tf the op factory
   * @param kind the loss kind
   * @param logits raw outputs
   * @return the outputs
   */
  static Operand<TFloat32> outputs(Ops tf, LossSpec.Kind kind, Operand<TFloat32> logits) {
    switch (kind) {
      case SOFTMAX_CROSS_ENTROPY:
        return tf.nn.softmax(logits);
      case SIGMOID_CROSS_ENTROPY:
        return tf.math.sigmoid(logits);
      default:
        return tf.identity(logits);
    }
  }
}
