package dev.graft.tensorflow.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * The computation of a {@link LayerSpec.SelfAttention} layer: multi-head scaled dot-product
 * self-attention (Vaswani et al., 2017) with an optional padding mask, from already created
 * projection parameters. Every op used has a TensorFlow C++ gradient.
 */
final class AttentionOps {

  /** Added to the scores of padded keys: their softmax weight underflows to 0. */
  private static final float MASKED = -1e9f;

  private AttentionOps() {}

  /**
   * The projection parameters: query, key and value kernels {@code [width, heads * keyDim]} with
   * biases, and the output kernel {@code [heads * keyDim, width]} with its bias.
   */
  record Weights(
      Operand<TFloat32> query,
      Operand<TFloat32> queryBias,
      Operand<TFloat32> key,
      Operand<TFloat32> keyBias,
      Operand<TFloat32> value,
      Operand<TFloat32> valueBias,
      Operand<TFloat32> output,
      Operand<TFloat32> outputBias) {}

  /**
   * Self-attention over a sequence.
   *
   * @param tf the op factory (layer scope)
   * @param x the sequence {@code [batch, length, width]}
   * @param ids token ids {@code [batch, length]} whose 0 entries are padding, or null for no mask
   * @param w the parameters
   * @param heads the number of heads
   * @param keyDim the width of each head
   * @return {@code [batch, length, width]}
   */
  static Operand<TFloat32> apply(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> ids, Weights w, int heads, long keyDim) {
    long length = x.shape().size(1);
    long width = x.shape().size(2);
    Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, width}));
    Operand<TFloat32> q =
        split(tf, project(tf, flat, w.query(), w.queryBias()), length, heads, keyDim);
    Operand<TFloat32> k = split(tf, project(tf, flat, w.key(), w.keyBias()), length, heads, keyDim);
    Operand<TFloat32> v =
        split(tf, project(tf, flat, w.value(), w.valueBias()), length, heads, keyDim);
    Operand<TFloat32> scores =
        tf.math.mul(
            tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)),
            tf.constant((float) (1 / Math.sqrt(keyDim))));
    if (ids != null) {
      Operand<TFloat32> pad = tf.dtypes.cast(tf.math.equal(ids, tf.constant(0f)), TFloat32.class);
      scores =
          tf.math.add(
              scores,
              tf.math.mul(
                  tf.reshape(pad, tf.constant(new long[] {-1, 1, 1, length})),
                  tf.constant(MASKED)));
    }
    Operand<TFloat32> weights = tf.nn.softmax(scores);
    Operand<TFloat32> context = tf.train.batchMatMul(weights, v, TFloat32.class);
    Operand<TFloat32> merged =
        tf.reshape(
            tf.linalg.transpose(context, tf.constant(new int[] {0, 2, 1, 3})),
            tf.constant(new long[] {-1, heads * keyDim}));
    return tf.reshape(
        project(tf, merged, w.output(), w.outputBias()),
        tf.constant(new long[] {-1, length, width}));
  }

  private static Operand<TFloat32> project(
      Ops tf, Operand<TFloat32> flat, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    return tf.nn.biasAdd(tf.linalg.matMul(flat, kernel), bias);
  }

  /** {@code [batch * length, heads * keyDim]} to {@code [batch, heads, length, keyDim]}. */
  private static Operand<TFloat32> split(
      Ops tf, Operand<TFloat32> y, long length, int heads, long keyDim) {
    return tf.linalg.transpose(
        tf.reshape(y, tf.constant(new long[] {-1, length, heads, keyDim})),
        tf.constant(new int[] {0, 2, 1, 3}));
  }

  /** The parameter names of a layer, in creation order. */
  static final List<String> PARAMETERS =
      List.of(
          "query_kernel",
          "query_bias",
          "key_kernel",
          "key_bias",
          "value_kernel",
          "value_bias",
          "output_kernel",
          "output_bias");
}
