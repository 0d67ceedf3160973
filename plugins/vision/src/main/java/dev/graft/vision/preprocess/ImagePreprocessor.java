package dev.graft.vision.preprocess;

import dev.graft.vision.Image;
import java.util.List;

/**
 * Applies an {@link ImageInputSpec}: converts channels, resizes (stretch, centre-crop or pad, all
 * bilinear), optionally augments, then scales and normalises, producing plain NHWC float batches
 * (no TensorFlow types; the TensorFlow side wraps them). Thread-safe and deterministic: the same
 * images, spec, augmenter and seed give the same numbers.
 */
public final class ImagePreprocessor {

  private final ImageInputSpec spec;
  private final float[] mean;
  private final float[] invStd;

  /**
   * Creates a preprocessor.
   *
   * @param spec what the model expects
   */
  public ImagePreprocessor(ImageInputSpec spec) {
    this.spec = spec;
    this.mean = new float[spec.channels()];
    this.invStd = new float[spec.channels()];
    for (int c = 0; c < spec.channels(); c++) {
      mean[c] = spec.mean().get(c).floatValue();
      invStd[c] = (float) (1.0 / spec.std().get(c));
    }
  }

  /**
   * The spec applied.
   *
   * @return the spec
   */
  public ImageInputSpec spec() {
    return spec;
  }

  /**
   * Converts channels and resizes, values staying in {@code [0, 1]}.
   *
   * @param image any image
   * @return an image of the spec's size and channels (the same instance if it already fits)
   */
  public Image fit(Image image) {
    Image src = image.withChannels(spec.channels());
    int tw = spec.width();
    int th = spec.height();
    if (src.width() == tw && src.height() == th) {
      return src;
    }
    double sx = tw / (double) src.width();
    double sy = th / (double) src.height();
    float[] out;
    switch (spec.resize()) {
      case STRETCH ->
          out =
              Bilinear.warp(
                  src, tw, th, Bilinear.scaleAndOffset(sx, sy, 0, 0), Bilinear.Border.CLAMP);
      case CENTER_CROP -> {
        double s = Math.max(sx, sy);
        double offX = (tw - src.width() * s) / 2;
        double offY = (th - src.height() * s) / 2;
        out =
            Bilinear.warp(
                src, tw, th, Bilinear.scaleAndOffset(s, s, offX, offY), Bilinear.Border.CLAMP);
      }
      case PAD -> {
        double s = Math.min(sx, sy);
        int cw = Math.max(1, (int) Math.round(src.width() * s));
        int ch = Math.max(1, (int) Math.round(src.height() * s));
        int offX = (tw - cw) / 2;
        int offY = (th - ch) / 2;
        double[] m =
            Bilinear.scaleAndOffset(
                cw / (double) src.width(), ch / (double) src.height(), offX, offY);
        out = padded(src, tw, th, m, offX, offY, cw, ch);
      }
      default -> throw new IllegalStateException("unknown resize mode " + spec.resize());
    }
    return Image.wrapClamped(tw, th, spec.channels(), out, src.origin());
  }

  /** Resamples the content region with clamped edges and leaves the padding at zero. */
  private static float[] padded(
      Image src, int tw, int th, double[] m, int offX, int offY, int cw, int ch) {
    float[] inside = Bilinear.warp(src, tw, th, m, Bilinear.Border.CLAMP);
    int c = src.channels();
    float[] out = new float[tw * th * c];
    for (int y = offY; y < offY + ch; y++) {
      int from = (y * tw + offX) * c;
      System.arraycopy(inside, from, out, from, cw * c);
    }
    return out;
  }

  /**
   * Fits, scales and normalises one image into {@code dst}.
   *
   * @param image the image
   * @param dst the destination
   * @param offset where its first value goes
   */
  public void normaliseInto(Image image, float[] dst, int offset) {
    Image fitted = fit(image);
    fitted.copyTo(dst, offset);
    int c = spec.channels();
    float scale = (float) spec.scale();
    int n = fitted.size();
    for (int i = 0; i < n; i++) {
      int ch = i % c;
      dst[offset + i] = (dst[offset + i] * scale - mean[ch]) * invStd[ch];
    }
  }

  /**
   * A batch without augmentation (for evaluation, feature extraction, inference).
   *
   * @param images the images
   * @return the NHWC batch
   */
  public ImageBatch batch(List<Image> images) {
    int per = spec.valuesPerImage();
    float[] data = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      normaliseInto(images.get(i), data, i * per);
    }
    return new ImageBatch(data, images.size(), spec.height(), spec.width(), spec.channels());
  }

  /**
   * A training batch: each image is fitted, then augmented with its own seed {@code
   * Augmenter.seedFor(seed, i)}, then normalised. Use a different {@code seed} per epoch and batch
   * (e.g. {@code Augmenter.seedFor(runSeed, epoch * batches + batch)}) so every epoch sees new
   * variations, reproducibly.
   *
   * @param images the images
   * @param augmenter the augmentation
   * @param seed the batch seed
   * @return the NHWC batch
   */
  public ImageBatch batch(List<Image> images, Augmenter augmenter, long seed) {
    int per = spec.valuesPerImage();
    float[] data = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      Image augmented = augmenter.augment(fit(images.get(i)), Augmenter.seedFor(seed, i));
      normaliseInto(augmented, data, i * per);
    }
    return new ImageBatch(data, images.size(), spec.height(), spec.width(), spec.channels());
  }
}
