package dev.graft.vision.glyph;

import dev.graft.api.error.ConfigException;

/**
 * How much each rendered glyph varies. Every sample draws, uniformly: the size of the glyph's
 * larger side as a fraction of the canvas, a shift of its centre, a rotation, and an extra outline
 * stroke (0 = the font's own weight; larger = bolder).
 *
 * @param minSize smallest glyph size as a fraction of the canvas side, in (0, 1]
 * @param maxSize largest glyph size, at least {@code minSize}, at most 1
 * @param maxShift largest shift of the centre as a fraction of the canvas side, 0 to 0.5
 * @param maxRotationDegrees largest rotation either way, 0 to 90
 * @param maxStroke largest extra stroke width as a fraction of the canvas side, 0 to 0.25
 */
public record GlyphAugmentation(
    double minSize, double maxSize, double maxShift, double maxRotationDegrees, double maxStroke) {

  /** Validates the bounds. */
  public GlyphAugmentation {
    ConfigException.require(minSize > 0 && minSize <= 1, "glyph.min-size", minSize, "in (0, 1]");
    ConfigException.require(
        maxSize >= minSize && maxSize <= 1, "glyph.max-size", maxSize, "from min-size to 1");
    ConfigException.require(
        maxShift >= 0 && maxShift <= 0.5, "glyph.max-shift", maxShift, "0 to 0.5");
    ConfigException.require(
        maxRotationDegrees >= 0 && maxRotationDegrees <= 90,
        "glyph.max-rotation",
        maxRotationDegrees,
        "0 to 90");
    ConfigException.require(
        maxStroke >= 0 && maxStroke <= 0.25, "glyph.max-stroke", maxStroke, "0 to 0.25");
  }

  /**
   * Defaults close to the NIST normalisation behind the UCI digits: the glyph fills 75-100% of the
   * canvas, shifts up to 6%, rotates up to 12 degrees, strokes up to 8% of the side.
   *
   * @return the defaults
   */
  public static GlyphAugmentation defaults() {
    return new GlyphAugmentation(0.75, 1.0, 0.06, 12, 0.08);
  }

  /**
   * No variation: full size, centred, upright, the font's own weight.
   *
   * @return the fixed style
   */
  public static GlyphAugmentation none() {
    return new GlyphAugmentation(1.0, 1.0, 0, 0, 0);
  }
}
