package dev.graft.vision.preprocess;

import dev.graft.api.error.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a model expects as image input: size, channels, how to resize, and how to turn pixel values
 * in {@code [0, 1]} into the model's numbers: {@code (value * scale - mean[c]) / std[c]}.
 *
 * <p>A plain record, so it serialises to and from JSON with Jackson as {@code {"height":28,
 * "width":28,"channels":1,"resize":"STRETCH","scale":1.0,"mean":[0.0],"std":[1.0]}}.
 *
 * @param height input height in pixels, 1 to 8192
 * @param width input width in pixels, 1 to 8192
 * @param channels 1 (grayscale) or 3 (RGB); images are converted to it
 * @param resize how other sizes are brought to {@code height x width}; {@code null} means STRETCH
 * @param scale the factor applied to values in {@code [0, 1]} first (e.g. 255 for models trained on
 *     0..255), positive
 * @param mean per-channel value subtracted after scaling; empty or {@code null} means zeros
 * @param std per-channel divisor applied last, each positive; empty or {@code null} means ones
 */
public record ImageInputSpec(
    int height,
    int width,
    int channels,
    ResizeMode resize,
    double scale,
    List<Double> mean,
    List<Double> std) {

  /** The ImageNet statistics of torchvision and Keras applications, for RGB in [0, 1]. */
  public static final List<Double> IMAGENET_MEAN = List.of(0.485, 0.456, 0.406);

  /** The ImageNet per-channel standard deviations, for RGB in [0, 1]. */
  public static final List<Double> IMAGENET_STD = List.of(0.229, 0.224, 0.225);

  /** Validates and fills defaults. */
  public ImageInputSpec {
    ConfigException.require(height >= 1 && height <= 8192, "input.height", height, "1 to 8192");
    ConfigException.require(width >= 1 && width <= 8192, "input.width", width, "1 to 8192");
    ConfigException.require(channels == 1 || channels == 3, "input.channels", channels, "1 or 3");
    resize = resize == null ? ResizeMode.STRETCH : resize;
    ConfigException.require(
        scale > 0 && Double.isFinite(scale), "input.scale", scale, "a positive finite number");
    mean = perChannel(mean, channels, 0.0, "input.mean", false);
    std = perChannel(std, channels, 1.0, "input.std", true);
  }

  private static List<Double> perChannel(
      List<Double> values, int channels, double fill, String field, boolean positive) {
    if (values == null || values.isEmpty()) {
      return Collections.nCopies(channels, fill);
    }
    ConfigException.require(
        values.size() == channels,
        field,
        values,
        "a list of " + channels + " value(s), one per channel");
    List<Double> copy = new ArrayList<>(values.size());
    for (Double v : values) {
      ConfigException.require(
          v != null && Double.isFinite(v) && (!positive || v > 0),
          field,
          values,
          positive ? "positive finite numbers" : "finite numbers");
      copy.add(v);
    }
    return List.copyOf(copy);
  }

  /**
   * A spec that stretches to the size and passes values in {@code [0, 1]} through unchanged.
   *
   * @param height input height
   * @param width input width
   * @param channels 1 or 3
   * @return the spec
   */
  public static ImageInputSpec of(int height, int width, int channels) {
    return new ImageInputSpec(height, width, channels, ResizeMode.STRETCH, 1.0, null, null);
  }

  /**
   * RGB input normalised with the ImageNet mean and standard deviation, centre-cropped.
   *
   * @param height input height
   * @param width input width
   * @return the spec
   */
  public static ImageInputSpec imagenet(int height, int width) {
    return new ImageInputSpec(
        height, width, 3, ResizeMode.CENTER_CROP, 1.0, IMAGENET_MEAN, IMAGENET_STD);
  }

  /**
   * This spec with another resize mode.
   *
   * @param mode the mode
   * @return a new spec
   */
  public ImageInputSpec withResize(ResizeMode mode) {
    return new ImageInputSpec(height, width, channels, mode, scale, mean, std);
  }

  /**
   * This spec with another normalisation.
   *
   * @param newScale the factor applied first
   * @param newMean per-channel means
   * @param newStd per-channel standard deviations
   * @return a new spec
   */
  public ImageInputSpec withNormalisation(
      double newScale, List<Double> newMean, List<Double> newStd) {
    return new ImageInputSpec(height, width, channels, resize, newScale, newMean, newStd);
  }

  /**
   * Values per image ({@code height * width * channels}).
   *
   * @return the count
   */
  public int valuesPerImage() {
    return height * width * channels;
  }
}
