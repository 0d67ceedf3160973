package dev.graft.tensorflow.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, dense, row-major (C order) tensor held in a plain Java array, with its shape.
 *
 * <p>The backing array type follows {@link ElementType}: {@code float[]}, {@code double[]}, {@code
 * int[]}, {@code long[]}, {@code byte[]} (uint8) or {@code boolean[]}. Factories copy the given
 * array and accessors return copies, so instances can be shared between threads freely. A shape of
 * length 0 is a scalar with one element.
 */
public final class HostTensor {

  private final ElementType type;
  private final long[] shape;
  private final Object data;

  private HostTensor(ElementType type, long[] shape, Object data) {
    this.type = type;
    this.shape = shape;
    this.data = data;
  }

  /**
   * A float32 tensor.
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofFloats(float[] data, long... shape) {
    return create(ElementType.FLOAT32, shape, data.clone(), data.length);
  }

  /**
   * A float64 tensor.
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofDoubles(double[] data, long... shape) {
    return create(ElementType.FLOAT64, shape, data.clone(), data.length);
  }

  /**
   * An int32 tensor.
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofInts(int[] data, long... shape) {
    return create(ElementType.INT32, shape, data.clone(), data.length);
  }

  /**
   * An int64 tensor.
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofLongs(long[] data, long... shape) {
    return create(ElementType.INT64, shape, data.clone(), data.length);
  }

  /**
   * A uint8 tensor; each byte is read as unsigned (0..255).
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofUint8(byte[] data, long... shape) {
    return create(ElementType.UINT8, shape, data.clone(), data.length);
  }

  /**
   * A boolean tensor.
   *
   * @param data the elements in row-major order (copied)
   * @param shape the dimensions
   * @return the tensor
   * @throws IllegalArgumentException if the shape does not match the number of elements
   */
  public static HostTensor ofBooleans(boolean[] data, long... shape) {
    return create(ElementType.BOOL, shape, data.clone(), data.length);
  }

  /**
   * Decodes elements from raw bytes (the layout of {@code .npy} data and of TensorFlow buffers).
   *
   * @param type the element type
   * @param shape the dimensions
   * @param bytes exactly {@code elementCount * type.byteSize()} bytes from the buffer's position;
   *     its byte order is honoured
   * @return the tensor
   * @throws IllegalArgumentException if the buffer holds too few bytes or the shape is invalid
   */
  public static HostTensor fromBytes(ElementType type, long[] shape, ByteBuffer bytes) {
    long count = checkedCount(shape);
    long needed = count * type.byteSize();
    if (bytes.remaining() < needed) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " of "
              + type.displayName()
              + " needs "
              + needed
              + " bytes but only "
              + bytes.remaining()
              + " are available");
    }
    ByteBuffer in = bytes.slice().order(bytes.order());
    int n = (int) count;
    Object data =
        switch (type) {
          case FLOAT32 -> {
            float[] values = new float[n];
            in.asFloatBuffer().get(values);
            yield values;
          }
          case FLOAT64 -> {
            double[] values = new double[n];
            in.asDoubleBuffer().get(values);
            yield values;
          }
          case INT32 -> {
            int[] values = new int[n];
            in.asIntBuffer().get(values);
            yield values;
          }
          case INT64 -> {
            long[] values = new long[n];
            in.asLongBuffer().get(values);
            yield values;
          }
          case UINT8 -> {
            byte[] values = new byte[n];
            in.get(values);
            yield values;
          }
          case BOOL -> {
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
              values[i] = in.get() != 0;
            }
            yield values;
          }
        };
    bytes.position(bytes.position() + (int) needed);
    return new HostTensor(type, shape.clone(), data);
  }

  /**
   * Concatenates tensors along the first dimension (e.g. batch results).
   *
   * @param parts tensors with equal type and equal dimensions after the first
   * @return the concatenation
   * @throws IllegalArgumentException if the list is empty or the parts disagree
   */
  public static HostTensor concat(List<HostTensor> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    HostTensor first = parts.get(0);
    if (parts.size() == 1) {
      return first;
    }
    long rows = 0;
    ByteBuffer joined;
    long total = 0;
    for (HostTensor part : parts) {
      if (part.type != first.type
          || part.shape.length == 0
          || part.shape.length != first.shape.length
          || !Arrays.equals(part.shape, 1, part.shape.length, first.shape, 1, first.shape.length)) {
        throw new IllegalArgumentException(
            "cannot concatenate "
                + part.describe()
                + " with "
                + first.describe()
                + ": types and trailing dimensions must agree");
      }
      rows += part.shape[0];
      total += part.byteSize();
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("concatenation exceeds 2 GiB");
    }
    joined = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    for (HostTensor part : parts) {
      joined.put(part.toBytes(ByteOrder.LITTLE_ENDIAN));
    }
    joined.flip();
    long[] shape = first.shape.clone();
    shape[0] = rows;
    return fromBytes(first.type, shape, joined);
  }

  private static HostTensor create(ElementType type, long[] shape, Object data, int length) {
    Objects.requireNonNull(shape, "shape");
    long count = checkedCount(shape);
    if (count != length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " holds "
              + count
              + " elements but "
              + length
              + " were given");
    }
    return new HostTensor(type, shape.clone(), data);
  }

  private static long checkedCount(long[] shape) {
    long count = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " has a negative dimension");
      }
      count = Math.multiplyExact(count, dim);
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " has more elements than a Java array can hold");
    }
    return count;
  }

  /**
   * The element type.
   *
   * @return the type
   */
  public ElementType type() {
    return type;
  }

  /**
   * The dimensions.
   *
   * @return a copy of the shape
   */
  public long[] shape() {
    return shape.clone();
  }

  /**
   * The number of elements (the product of the dimensions, 1 for a scalar).
   *
   * @return the element count
   */
  public int elementCount() {
    return switch (type) {
      case FLOAT32 -> ((float[]) data).length;
      case FLOAT64 -> ((double[]) data).length;
      case INT32 -> ((int[]) data).length;
      case INT64 -> ((long[]) data).length;
      case UINT8 -> ((byte[]) data).length;
      case BOOL -> ((boolean[]) data).length;
    };
  }

  /**
   * The size of the elements in bytes ({@code elementCount * type.byteSize()}).
   *
   * @return the byte size
   */
  public long byteSize() {
    return (long) elementCount() * type.byteSize();
  }

  /**
   * The float32 elements.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not float32
   */
  public float[] toFloatArray() {
    return ((float[]) expect(ElementType.FLOAT32)).clone();
  }

  /**
   * The float64 elements.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not float64
   */
  public double[] toDoubleArray() {
    return ((double[]) expect(ElementType.FLOAT64)).clone();
  }

  /**
   * The int32 elements.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not int32
   */
  public int[] toIntArray() {
    return ((int[]) expect(ElementType.INT32)).clone();
  }

  /**
   * The int64 elements.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not int64
   */
  public long[] toLongArray() {
    return ((long[]) expect(ElementType.INT64)).clone();
  }

  /**
   * The uint8 elements as raw bytes.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not uint8
   */
  public byte[] toUint8Array() {
    return ((byte[]) expect(ElementType.UINT8)).clone();
  }

  /**
   * The boolean elements.
   *
   * @return a copy of the elements
   * @throws IllegalStateException if the type is not bool
   */
  public boolean[] toBooleanArray() {
    return ((boolean[]) expect(ElementType.BOOL)).clone();
  }

  /**
   * Element {@code i} (row-major index) as a double, whatever the type (bool: 1 or 0, uint8:
   * 0..255).
   *
   * @param i the flat index
   * @return the value
   */
  public double getAsDouble(int i) {
    return switch (type) {
      case FLOAT32 -> ((float[]) data)[i];
      case FLOAT64 -> ((double[]) data)[i];
      case INT32 -> ((int[]) data)[i];
      case INT64 -> ((long[]) data)[i];
      case UINT8 -> Byte.toUnsignedInt(((byte[]) data)[i]);
      case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
    };
  }

  /**
   * Encodes the elements as raw bytes (bool as 0/1 bytes).
   *
   * @param order the byte order to write
   * @return a new buffer positioned at 0, {@link #byteSize()} bytes long
   */
  public ByteBuffer toBytes(ByteOrder order) {
    ByteBuffer out = ByteBuffer.allocate((int) byteSize()).order(order);
    switch (type) {
      case FLOAT32 -> out.asFloatBuffer().put((float[]) data);
      case FLOAT64 -> out.asDoubleBuffer().put((double[]) data);
      case INT32 -> out.asIntBuffer().put((int[]) data);
      case INT64 -> out.asLongBuffer().put((long[]) data);
      case UINT8 -> out.put((byte[]) data).flip();
      case BOOL -> {
        for (boolean value : (boolean[]) data) {
          out.put((byte) (value ? 1 : 0));
        }
        out.flip();
      }
    }
    out.position(0);
    return out;
  }

  /**
   * Rows {@code [from, to)} along the first dimension.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @return the slice
   * @throws IllegalArgumentException if this is a scalar or the range is outside {@code [0, rows]}
   */
  public HostTensor sliceRows(long from, long to) {
    if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
      throw new IllegalArgumentException(
          "rows [" + from + ", " + to + ") are outside " + describe());
    }
    long rowElements = shape[0] == 0 ? 0 : elementCount() / shape[0];
    int start = (int) (from * rowElements);
    int end = (int) (to * rowElements);
    long[] sliced = shape.clone();
    sliced[0] = to - from;
    Object part =
        switch (type) {
          case FLOAT32 -> Arrays.copyOfRange((float[]) data, start, end);
          case FLOAT64 -> Arrays.copyOfRange((double[]) data, start, end);
          case INT32 -> Arrays.copyOfRange((int[]) data, start, end);
          case INT64 -> Arrays.copyOfRange((long[]) data, start, end);
          case UINT8 -> Arrays.copyOfRange((byte[]) data, start, end);
          case BOOL -> Arrays.copyOfRange((boolean[]) data, start, end);
        };
    return new HostTensor(type, sliced, part);
  }

  /**
   * A short description such as {@code float32[3, 1]}.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder text = new StringBuilder(type.displayName()).append('[');
    for (int i = 0; i < shape.length; i++) {
      text.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return text.append(']').toString();
  }

  private Object expect(ElementType wanted) {
    if (type != wanted) {
      throw new IllegalStateException("tensor is " + describe() + ", not " + wanted.displayName());
    }
    return data;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof HostTensor that)) {
      return false;
    }
    return type == that.type
        && Arrays.equals(shape, that.shape)
        && Arrays.deepEquals(new Object[] {data}, new Object[] {that.data});
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
  }

  @Override
  public String toString() {
    return "HostTensor[" + describe() + "]";
  }
}
