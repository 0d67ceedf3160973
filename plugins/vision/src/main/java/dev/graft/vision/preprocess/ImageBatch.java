package dev.graft.vision.preprocess;

/**
 * A batch of preprocessed images as one flat float array in NHWC order, ready to be wrapped in a
 * tensor of shape {@code [size, height, width, channels]}. The array is owned by the batch; do not
 * modify it.
 *
 * @param data the values, length {@code size * height * width * channels}
 * @param size number of images (N)
 * @param height image height (H)
 * @param width image width (W)
 * @param channels channels per pixel (C)
 */
public record ImageBatch(float[] data, int size, int height, int width, int channels) {

  /** Checks that the array length matches the shape. */
  public ImageBatch {
    if ((long) size * height * width * channels != data.length) {
      throw new IllegalArgumentException(
          "batch shape ["
              + size
              + ", "
              + height
              + ", "
              + width
              + ", "
              + channels
              + "] does not match "
              + data.length
              + " values");
    }
  }

  /**
   * The NHWC shape.
   *
   * @return {@code [N, H, W, C]}
   */
  public long[] shape() {
    return new long[] {size, height, width, channels};
  }

  /**
   * One value.
   *
   * @param n image index
   * @param y row
   * @param x column
   * @param c channel
   * @return the value
   */
  public float get(int n, int y, int x, int c) {
    return data[((n * height + y) * width + x) * channels + c];
  }
}
