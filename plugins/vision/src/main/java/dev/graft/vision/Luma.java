package dev.graft.vision;

/** ITU-R BT.601 luma, the grayscale conversion PIL and Keras use. */
final class Luma {

  private Luma() {}

  /**
   * Luma of float RGB.
   *
   * @param r red in [0, 1]
   * @param g green in [0, 1]
   * @param b blue in [0, 1]
   * @return gray in [0, 1]
   */
  static float of(float r, float g, float b) {
    return Math.min(1f, 0.299f * r + 0.587f * g + 0.114f * b);
  }

  /**
   * Luma of 8-bit RGB, rounded.
   *
   * @param r red 0..255
   * @param g green 0..255
   * @param b blue 0..255
   * @return gray 0..255
   */
  static int of8(int r, int g, int b) {
    return Math.min(255, (299 * r + 587 * g + 114 * b + 500) / 1000);
  }
}
