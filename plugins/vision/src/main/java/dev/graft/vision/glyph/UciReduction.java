package dev.graft.vision.glyph;

import dev.graft.vision.Image;

/**
 * The reduction behind the UCI handwritten digits (Alpaydin and Kaynak, 1998): a 32x32 bitmap is
 * binarised and divided into non-overlapping 4x4 blocks, and the on-pixels of each block are
 * counted, giving an 8x8 image of integers 0..16.
 */
public final class UciReduction {

  /** The bitmap side. */
  public static final int BITMAP = 32;

  /** The block side. */
  public static final int BLOCK = 4;

  /** The reduced side. */
  public static final int REDUCED = BITMAP / BLOCK;

  /** The largest count (all 16 pixels of a block on). */
  public static final int MAX_COUNT = BLOCK * BLOCK;

  private UciReduction() {}

  /**
   * Counts on-pixels per 4x4 block.
   *
   * @param bitmap a 32x32 single-channel image
   * @param threshold a pixel is on when its value is at least this (0.5 for anti-aliased renders)
   * @return 64 counts in row-major order, each 0..16
   * @throws IllegalArgumentException if the image is not 32x32x1
   */
  public static int[] blockCounts(Image bitmap, float threshold) {
    if (bitmap.width() != BITMAP || bitmap.height() != BITMAP || bitmap.channels() != 1) {
      throw new IllegalArgumentException(
          "UCI reduction needs a 32x32 single-channel bitmap, got "
              + bitmap.width()
              + "x"
              + bitmap.height()
              + "x"
              + bitmap.channels());
    }
    int[] counts = new int[REDUCED * REDUCED];
    for (int y = 0; y < BITMAP; y++) {
      for (int x = 0; x < BITMAP; x++) {
        if (bitmap.get(y, x, 0) >= threshold) {
          counts[(y / BLOCK) * REDUCED + x / BLOCK]++;
        }
      }
    }
    return counts;
  }
}
