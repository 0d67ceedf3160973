package dev.graft.api.source;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Arrays;

/**
 * Examples encoded into a network's input layout: {@code count} examples, each of shape {@code
 * exampleShape} (e.g. {@code [28, 28, 1]} for grayscale images, NHWC), stored row-major as float32.
 *
 * @param values the encoded values, length {@code count * product(exampleShape)}
 * @param count the number of examples
 * @param exampleShape the shape of one example
 */
public record EncodedInputs(float[] values, int count, int[] exampleShape) {

  /** Validates the length. */
  public EncodedInputs {
    exampleShape = exampleShape.clone();
    long size = 1;
    for (int d : exampleShape) {
      if (d <= 0) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "encoded example shape "
                + Arrays.toString(exampleShape)
                + " has a non-positive dimension.");
      }
      size *= d;
    }
    if (count < 0 || values == null || (long) count * size != values.length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          count
              + " examples of shape "
              + Arrays.toString(exampleShape)
              + " need "
              + (long) count * size
              + " values, got "
              + (values == null ? 0 : values.length)
              + ".");
    }
  }

  /**
   * Values per example.
   *
   * @return the product of the example shape
   */
  public int exampleSize() {
    int size = 1;
    for (int d : exampleShape) {
      size *= d;
    }
    return size;
  }

  @Override
  public int[] exampleShape() {
    return exampleShape.clone();
  }
}
