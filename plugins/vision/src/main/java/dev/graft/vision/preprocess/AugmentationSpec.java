package dev.graft.vision.preprocess;

import dev.graft.api.error.ConfigException;

/**
 * How much random variation training images get. Each value is a bound: a draw is uniform in {@code
 * [-bound, bound]} (or {@code [0, bound]} for the zoom).
 *
 * @param maxShift translation as a fraction of the width/height, 0 to 0.5
 * @param maxZoom random crop: zoom in by up to this fraction (0.1 = crop to 91-100% of the image
 *     and scale back up), 0 to 1
 * @param horizontalFlip flip left-right with probability 1/2; only for classes where a mirror image
 *     is the same class (not for digits or letters)
 * @param maxRotationDegrees rotation, 0 to 180
 * @param maxBrightness added to every value, 0 to 1
 * @param maxContrast the contrast factor is {@code 1 + u}, u in {@code [-maxContrast,
 *     maxContrast]}, 0 to 1
 */
public record AugmentationSpec(
    double maxShift,
    double maxZoom,
    boolean horizontalFlip,
    double maxRotationDegrees,
    double maxBrightness,
    double maxContrast) {

  /** No augmentation. */
  public static final AugmentationSpec NONE = new AugmentationSpec(0, 0, false, 0, 0, 0);

  /** Validates the bounds. */
  public AugmentationSpec {
    ConfigException.require(
        maxShift >= 0 && maxShift <= 0.5, "augment.max-shift", maxShift, "0 to 0.5");
    ConfigException.require(maxZoom >= 0 && maxZoom <= 1, "augment.max-zoom", maxZoom, "0 to 1");
    ConfigException.require(
        maxRotationDegrees >= 0 && maxRotationDegrees <= 180,
        "augment.max-rotation-degrees",
        maxRotationDegrees,
        "0 to 180");
    ConfigException.require(
        maxBrightness >= 0 && maxBrightness <= 1,
        "augment.max-brightness",
        maxBrightness,
        "0 to 1");
    ConfigException.require(
        maxContrast >= 0 && maxContrast <= 1, "augment.max-contrast", maxContrast, "0 to 1");
  }

  /**
   * Mild defaults for shapes whose mirror image is another class (digits, letters): shift 10%, zoom
   * 10%, rotation 10 degrees, brightness and contrast 10%, no flip.
   *
   * @return the spec
   */
  public static AugmentationSpec mild() {
    return new AugmentationSpec(0.1, 0.1, false, 10, 0.1, 0.1);
  }

  /**
   * This spec with horizontal flips on or off.
   *
   * @param flip whether to flip
   * @return a new spec
   */
  public AugmentationSpec withHorizontalFlip(boolean flip) {
    return new AugmentationSpec(
        maxShift, maxZoom, flip, maxRotationDegrees, maxBrightness, maxContrast);
  }

  /**
   * Whether this spec changes anything.
   *
   * @return false for {@link #NONE}-like specs
   */
  public boolean isIdentity() {
    return maxShift == 0
        && maxZoom == 0
        && !horizontalFlip
        && maxRotationDegrees == 0
        && maxBrightness == 0
        && maxContrast == 0;
  }
}
