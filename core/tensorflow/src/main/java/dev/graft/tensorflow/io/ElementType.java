package dev.graft.tensorflow.io;

import java.util.Locale;

/** The element types a {@link HostTensor} can hold, with their NumPy and TensorFlow names. */
public enum ElementType {
  /** 32-bit IEEE float ({@code float[]}). */
  FLOAT32("f4", 4, "DT_FLOAT"),
  /** 64-bit IEEE float ({@code double[]}). */
  FLOAT64("f8", 8, "DT_DOUBLE"),
  /** 32-bit signed integer ({@code int[]}). */
  INT32("i4", 4, "DT_INT32"),
  /** 64-bit signed integer ({@code long[]}). */
  INT64("i8", 8, "DT_INT64"),
  /** 8-bit unsigned integer ({@code byte[]}, read with {@code Byte.toUnsignedInt}). */
  UINT8("u1", 1, "DT_UINT8"),
  /** Boolean ({@code boolean[]}, one byte per element in files). */
  BOOL("b1", 1, "DT_BOOL");

  private final String npyCode;
  private final int byteSize;
  private final String tensorFlowName;

  ElementType(String npyCode, int byteSize, String tensorFlowName) {
    this.npyCode = npyCode;
    this.byteSize = byteSize;
    this.tensorFlowName = tensorFlowName;
  }

  /**
   * The NumPy type code without byte order, e.g. {@code f4}.
   *
   * @return the code
   */
  public String npyCode() {
    return npyCode;
  }

  /**
   * Bytes per element in a {@code .npy} file.
   *
   * @return the size in bytes
   */
  public int byteSize() {
    return byteSize;
  }

  /**
   * TensorFlow's {@code DataType} enum name, e.g. {@code DT_FLOAT}.
   *
   * @return the name
   */
  public String tensorFlowName() {
    return tensorFlowName;
  }

  /**
   * The lower-case name used in messages and manifests, e.g. {@code float32}.
   *
   * @return the name
   */
  public String displayName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds the type for a NumPy code without byte order (e.g. {@code f4}).
   *
   * @param code the code
   * @return the type, or {@code null} if unsupported
   */
  static ElementType fromNpyCode(String code) {
    for (ElementType type : values()) {
      if (type.npyCode.equals(code)) {
        return type;
      }
    }
    return null;
  }

  /**
   * Finds the type for a TensorFlow {@code DataType} enum name (e.g. {@code DT_FLOAT}).
   *
   * @param name the name
   * @return the type, or {@code null} if it has no host equivalent
   */
  public static ElementType fromTensorFlowName(String name) {
    for (ElementType type : values()) {
      if (type.tensorFlowName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
