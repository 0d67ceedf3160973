package dev.graft.tensorflow.nn;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/** Fast copies between Java float arrays and float tensors (one bulk memory copy each way). */
public final class FloatTensors {

  private FloatTensors() {}

  /**
   * Allocates a tensor and copies the first {@code product(shape)} values of {@code data} into it.
   * The caller closes the tensor.
   *
   * @param data the source values, row-major
   * @param shape the tensor shape
   * @return a new tensor
   */
  public static TFloat32 of(float[] data, long... shape) {
    return fromOffset(data, 0, shape);
  }

  /**
   * Allocates a tensor and copies {@code product(shape)} values of {@code data}, starting at {@code
   * offset}, into it. The caller closes the tensor.
   *
   * @param data the source values, row-major
   * @param offset the first value to copy
   * @param shape the tensor shape
   * @return a new tensor
   */
  public static TFloat32 fromOffset(float[] data, int offset, long... shape) {
    Shape s = Shape.of(shape);
    TFloat32 t = TFloat32.tensorOf(s);
    t.asRawTensor().data().asFloats().write(data, offset, Math.toIntExact(s.size()));
    return t;
  }

  /**
   * Copies a tensor's values into a new array.
   *
   * @param t the tensor (not closed)
   * @return the values, row-major
   */
  public static float[] toArray(TFloat32 t) {
    float[] out = new float[Math.toIntExact(t.shape().size())];
    t.asRawTensor().data().asFloats().read(out);
    return out;
  }
}
