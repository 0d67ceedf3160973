package dev.graft.vision.preprocess;

import dev.graft.vision.Image;
import java.util.SplittableRandom;

/**
 * Seeded training augmentation: one affine warp (random shift, zoom-in crop, rotation about the
 * centre, optional horizontal flip; bilinear, zero outside the image) followed by brightness and
 * contrast. The same image and seed always give the same result; the random draws are made in a
 * fixed order whatever the spec, so changing one bound does not reshuffle the others. Thread-safe.
 */
public final class Augmenter {

  private final AugmentationSpec spec;

  /**
   * Creates an augmenter.
   *
   * @param spec the bounds
   */
  public Augmenter(AugmentationSpec spec) {
    this.spec = spec;
  }

  /**
   * The bounds used.
   *
   * @return the spec
   */
  public AugmentationSpec spec() {
    return spec;
  }

  /**
   * A well-mixed seed for item {@code index} under {@code base} (e.g. epoch seed and example
   * index), so neighbouring indices get unrelated variations.
   *
   * @param base the base seed
   * @param index the item
   * @return the derived seed
   */
  public static long seedFor(long base, long index) {
    return new SplittableRandom(new SplittableRandom(base).nextLong() + index).nextLong();
  }

  /**
   * Augments one image.
   *
   * @param image the image (already at the model's size)
   * @param seed the seed for this image
   * @return a new image of the same size and channels, values in [0, 1]
   */
  public Image augment(Image image, long seed) {
    if (spec.isIdentity()) {
      return image;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double tx = uniform(rnd, spec.maxShift()) * image.width();
    double ty = uniform(rnd, spec.maxShift()) * image.height();
    double zoom = 1 + rnd.nextDouble() * spec.maxZoom();
    double angle = Math.toRadians(uniform(rnd, spec.maxRotationDegrees()));
    boolean flip = rnd.nextBoolean() && spec.horizontalFlip();
    double brightness = uniform(rnd, spec.maxBrightness());
    double contrast = 1 + uniform(rnd, spec.maxContrast());

    float[] values = warp(image, tx, ty, zoom, angle, flip);
    adjust(values, (float) brightness, (float) contrast);
    return Image.wrapClamped(
        image.width(), image.height(), image.channels(), values, image.origin());
  }

  private static double uniform(SplittableRandom rnd, double bound) {
    double u = rnd.nextDouble() * 2 - 1;
    return u * bound;
  }

  /** Inverse map: output point -> undo shift -> undo rotation -> undo zoom -> undo flip. */
  private static float[] warp(
      Image image, double tx, double ty, double zoom, double angle, boolean flip) {
    double cx = image.width() / 2.0;
    double cy = image.height() / 2.0;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double f = flip ? -1 : 1;
    // source = C + F * (1/zoom) * R(-angle) * (out - C - t)
    double a = f * cos / zoom;
    double b = f * sin / zoom;
    double c = -sin / zoom;
    double d = cos / zoom;
    double ox = -cx - tx;
    double oy = -cy - ty;
    double[] m = {a, b, a * ox + b * oy + cx, c, d, c * ox + d * oy + cy};
    return Bilinear.warp(image, image.width(), image.height(), m, Bilinear.Border.ZERO);
  }

  private static void adjust(float[] values, float brightness, float contrast) {
    if (brightness == 0 && contrast == 1) {
      return;
    }
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    float mean = (float) (sum / values.length);
    for (int i = 0; i < values.length; i++) {
      float v = (values[i] - mean) * contrast + mean + brightness;
      values[i] = Math.max(0f, Math.min(1f, v));
    }
  }
}
