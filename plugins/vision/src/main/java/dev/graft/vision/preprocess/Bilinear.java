package dev.graft.vision.preprocess;

import dev.graft.vision.Image;

/**
 * Bilinear resampling through an affine map from output to source coordinates, the one primitive
 * behind resizing, cropping, padding and geometric augmentation.
 *
 * <p>Coordinates are continuous with pixel {@code i} covering {@code [i, i + 1)} (half-pixel
 * centres, as TensorFlow's {@code resize} with {@code half_pixel_centers} and PIL do). The map
 * {@code m} sends an output point {@code (u, v)} to the source point {@code (m[0] u + m[1] v +
 * m[2], m[3] u + m[4] v + m[5])}.
 */
final class Bilinear {

  /** What a sample outside the source takes. */
  enum Border {
    /** The nearest edge pixel (for plain resizing). */
    CLAMP,
    /** Zero (for padding and augmentation). */
    ZERO
  }

  private Bilinear() {}

  /**
   * Resamples {@code src} into a new {@code outW x outH} image.
   *
   * @param src the source
   * @param outW output width
   * @param outH output height
   * @param m the output-to-source affine map, 6 values
   * @param border what samples outside the source take
   * @return the resampled values, HWC, in [0, 1]
   */
  static float[] warp(Image src, int outW, int outH, double[] m, Border border) {
    int w = src.width();
    int h = src.height();
    int ch = src.channels();
    float[] in = src.pixels();
    float[] out = new float[outW * outH * ch];
    for (int oy = 0; oy < outH; oy++) {
      double v = oy + 0.5;
      for (int ox = 0; ox < outW; ox++) {
        double u = ox + 0.5;
        double sx = m[0] * u + m[1] * v + m[2] - 0.5;
        double sy = m[3] * u + m[4] * v + m[5] - 0.5;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        int o = (oy * outW + ox) * ch;
        for (int c = 0; c < ch; c++) {
          float a = at(in, w, h, ch, x0, y0, c, border);
          float b = at(in, w, h, ch, x0 + 1, y0, c, border);
          float d = at(in, w, h, ch, x0, y0 + 1, c, border);
          float e = at(in, w, h, ch, x0 + 1, y0 + 1, c, border);
          float top = a + (b - a) * fx;
          float bottom = d + (e - d) * fx;
          float value = top + (bottom - top) * fy;
          out[o + c] = Math.max(0f, Math.min(1f, value));
        }
      }
    }
    return out;
  }

  private static float at(float[] in, int w, int h, int ch, int x, int y, int c, Border border) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      if (border == Border.ZERO) {
        return 0f;
      }
      x = Math.max(0, Math.min(w - 1, x));
      y = Math.max(0, Math.min(h - 1, y));
    }
    return in[(y * w + x) * ch + c];
  }

  /**
   * The map of a scale and offset: source = (output - offset) / scale.
   *
   * @param scaleX output pixels per source pixel, horizontally
   * @param scaleY output pixels per source pixel, vertically
   * @param offsetX where the source's left edge lands in the output
   * @param offsetY where the source's top edge lands in the output
   * @return the map
   */
  static double[] scaleAndOffset(double scaleX, double scaleY, double offsetX, double offsetY) {
    return new double[] {1 / scaleX, 0, -offsetX / scaleX, 0, 1 / scaleY, -offsetY / scaleY};
  }
}
