package dev.graft.tensorflow.nn;

import dev.graft.api.error.ConfigException;
import java.util.List;

/**
 * The shape of one input example, without the batch axis: e.g. {@code [28, 28, 1]} for NHWC images,
 * {@code [20]} for a feature vector or a sequence of token ids.
 *
 * @param shape the per-example shape, every size positive
 */
public record InputSpec(List<Integer> shape) {

  /** Validates the shape. */
  public InputSpec {
    ConfigException.require(
        shape != null && !shape.isEmpty() && shape.stream().allMatch(d -> d != null && d > 0),
        "input.shape",
        shape,
        "a non-empty list of positive sizes (without the batch axis)");
    shape = List.copyOf(shape);
  }

  /**
   * Creates a spec from sizes.
   *
   * @param shape the per-example sizes
   * @return the spec
   */
  public static InputSpec of(int... shape) {
    return new InputSpec(java.util.Arrays.stream(shape).boxed().toList());
  }

  /**
   * The number of values in one example.
   *
   * @return the product of the sizes
   */
  public int exampleSize() {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /**
   * The shape with a leading batch axis of the given size.
   *
   * @param batch the batch size, or -1 for unknown
   * @return [batch, shape...]
   */
  public long[] withBatch(long batch) {
    long[] dims = new long[shape.size() + 1];
    dims[0] = batch;
    for (int i = 0; i < shape.size(); i++) {
      dims[i + 1] = shape.get(i);
    }
    return dims;
  }
}
