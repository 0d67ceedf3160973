package dev.graft.tensorflow.savedmodel;

import dev.graft.tensorflow.io.ElementType;
import java.util.List;

/**
 * One input or output of a SavedModel signature.
 *
 * @param key the name callers use in the signature, e.g. {@code x}
 * @param tensorName the graph tensor it maps to, e.g. {@code x:0} (empty for sparse/composite)
 * @param dtype TensorFlow's data type name, e.g. {@code DT_FLOAT}
 * @param shape the dimensions, {@code -1} where unknown; empty when the rank is unknown or scalar
 * @param unknownRank true if even the number of dimensions is unknown
 */
public record TensorSpec(
    String key, String tensorName, String dtype, List<Long> shape, boolean unknownRank) {

  /** Copies the shape. */
  public TensorSpec {
    shape = List.copyOf(shape);
  }

  /**
   * The host element type for {@link #dtype()}, if Graft can feed or return it.
   *
   * @return the element type, or {@code null} (e.g. for {@code DT_STRING})
   */
  public ElementType elementType() {
    return ElementType.fromTensorFlowName(dtype);
  }

  /**
   * Whether a given shape fits: same rank and equal dimensions where this spec's are known.
   *
   * @param given the dimensions of a tensor
   * @return true if it fits
   */
  public boolean accepts(long[] given) {
    if (unknownRank) {
      return true;
    }
    if (given.length != shape.size()) {
      return false;
    }
    for (int i = 0; i < given.length; i++) {
      long expected = shape.get(i);
      if (expected >= 0 && expected != given[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A short description such as {@code x: DT_FLOAT [-1, 1]}.
   *
   * @return the description
   */
  public String describe() {
    String dims = unknownRank ? "<unknown rank>" : shape.toString().replace("-1", "?");
    return key + ": " + dtype + " " + dims;
  }
}
