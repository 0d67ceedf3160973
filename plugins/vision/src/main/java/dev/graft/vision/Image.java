package dev.graft.vision;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable image: {@code height x width} pixels with 1 (grayscale) or 3 (RGB) channels, values
 * in {@code [0, 1]}, stored row-major in HWC order (pixel {@code (y, x)} channel {@code c} is at
 * {@code (y * width + x) * channels + c}).
 *
 * <p>Images decoded from 8-bit sources (PNG, JPEG, IDX, CSV with integer values) are stored as one
 * byte per value, so a data set of 60,000 28x28 images takes 47 MB rather than 188 MB; images
 * produced by preprocessing or augmentation are stored as floats. Both look the same through the
 * accessors. Each image remembers its {@link #origin()} (a file, {@code file:line}, or {@code
 * file#index}) so errors and reports can point at it.
 */
public final class Image {

  private final int width;
  private final int height;
  private final int channels;
  private final byte[] bytes;
  private final float[] floats;
  private final String origin;

  private Image(int width, int height, int channels, byte[] bytes, float[] floats, String origin) {
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.bytes = bytes;
    this.floats = floats;
    this.origin = origin == null ? "unknown" : origin;
  }

  /**
   * An image from float values in {@code [0, 1]} (copied).
   *
   * @param width width in pixels, at least 1
   * @param height height in pixels, at least 1
   * @param channels 1 or 3
   * @param pixels HWC values, length {@code width * height * channels}, each in {@code [0, 1]}
   * @param origin where it came from, for error messages
   * @return the image
   * @throws InvalidInputException GRAFT-DATA-002 for a wrong length, GRAFT-DATA-001 for a value
   *     that is not finite or outside {@code [0, 1]}
   */
  public static Image of(int width, int height, int channels, float[] pixels, String origin) {
    checkShape(width, height, channels, pixels == null ? -1 : pixels.length, origin);
    for (int i = 0; i < pixels.length; i++) {
      float v = pixels[i];
      if (!(v >= 0f && v <= 1f)) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "image "
                + origin
                + " has value "
                + v
                + " at index "
                + i
                + "; pixel values must be in [0, 1] (divide by the maximum value first).");
      }
    }
    return new Image(width, height, channels, null, pixels.clone(), origin);
  }

  /**
   * An image from 8-bit values, {@code 0 -> 0.0} and {@code 255 -> 1.0} (copied).
   *
   * @param width width in pixels, at least 1
   * @param height height in pixels, at least 1
   * @param channels 1 or 3
   * @param pixels HWC unsigned bytes, length {@code width * height * channels}
   * @param origin where it came from, for error messages
   * @return the image
   */
  public static Image ofBytes(int width, int height, int channels, byte[] pixels, String origin) {
    checkShape(width, height, channels, pixels == null ? -1 : pixels.length, origin);
    return new Image(width, height, channels, pixels.clone(), null, origin);
  }

  /**
   * Wraps 8-bit values without copying; the caller hands over the array.
   *
   * @param width width
   * @param height height
   * @param channels 1 or 3
   * @param pixels HWC unsigned bytes, not modified afterwards
   * @param origin where it came from
   * @return the image
   */
  public static Image wrapBytes(int width, int height, int channels, byte[] pixels, String origin) {
    checkShape(width, height, channels, pixels.length, origin);
    return new Image(width, height, channels, pixels, null, origin);
  }

  /**
   * Wraps float values already known to be in {@code [0, 1]} without copying or checking; for this
   * plugin's own transforms, which clamp their results.
   *
   * @param width width
   * @param height height
   * @param channels 1 or 3
   * @param pixels HWC values in [0, 1], not modified afterwards
   * @param origin where it came from
   * @return the image
   */
  public static Image wrapClamped(
      int width, int height, int channels, float[] pixels, String origin) {
    checkShape(width, height, channels, pixels.length, origin);
    return new Image(width, height, channels, null, pixels, origin);
  }

  private static void checkShape(int width, int height, int channels, int length, String origin) {
    if (width < 1 || height < 1 || (channels != 1 && channels != 3)) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "image "
              + origin
              + " is "
              + width
              + "x"
              + height
              + " with "
              + channels
              + " channels; images need a positive size and 1 or 3 channels.");
    }
    if ((long) width * height * channels != length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "image "
              + origin
              + " declares "
              + width
              + "x"
              + height
              + "x"
              + channels
              + " but holds "
              + (length < 0 ? "no array" : length + " values")
              + ".");
    }
  }

  /**
   * Width in pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Number of channels: 1 (grayscale) or 3 (RGB).
   *
   * @return the channel count
   */
  public int channels() {
    return channels;
  }

  /**
   * Where the image came from: a file path, {@code file:line} or {@code file#index}.
   *
   * @return the origin
   */
  public String origin() {
    return origin;
  }

  /**
   * Number of values ({@code width * height * channels}).
   *
   * @return the value count
   */
  public int size() {
    return width * height * channels;
  }

  /**
   * One value.
   *
   * @param y row
   * @param x column
   * @param c channel
   * @return the value in {@code [0, 1]}
   */
  public float get(int y, int x, int c) {
    return value((y * width + x) * channels + c);
  }

  /**
   * One value by flat HWC index.
   *
   * @param index {@code (y * width + x) * channels + c}
   * @return the value in {@code [0, 1]}
   */
  public float value(int index) {
    return bytes != null ? (bytes[index] & 0xFF) / 255f : floats[index];
  }

  /**
   * A copy of all values, HWC order.
   *
   * @return the values
   */
  public float[] pixels() {
    float[] out = new float[size()];
    copyTo(out, 0);
    return out;
  }

  /**
   * Copies all values into {@code dst} starting at {@code offset} (for filling batches without an
   * intermediate array).
   *
   * @param dst the destination
   * @param offset where the first value goes
   */
  public void copyTo(float[] dst, int offset) {
    if (floats != null) {
      System.arraycopy(floats, 0, dst, offset, floats.length);
      return;
    }
    for (int i = 0; i < bytes.length; i++) {
      dst[offset + i] = (bytes[i] & 0xFF) / 255f;
    }
  }

  /**
   * Whether the values are stored as 8-bit (exact multiples of 1/255).
   *
   * @return true for byte storage
   */
  public boolean isEightBit() {
    return bytes != null;
  }

  /**
   * This image with 1 or 3 channels: RGB to grayscale uses ITU-R BT.601 luma ({@code 0.299 R +
   * 0.587 G + 0.114 B}, as PIL and Keras do); grayscale to RGB repeats the value.
   *
   * @param target 1 or 3
   * @return this image if it already has {@code target} channels, else a converted copy
   */
  public Image withChannels(int target) {
    if (target == channels) {
      return this;
    }
    if (target != 1 && target != 3) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "cannot convert image " + origin + " to " + target + " channels; use 1 or 3.");
    }
    int n = width * height;
    if (target == 3) {
      if (bytes != null) {
        byte[] out = new byte[n * 3];
        for (int i = 0; i < n; i++) {
          out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = bytes[i];
        }
        return new Image(width, height, 3, out, null, origin);
      }
      float[] out = new float[n * 3];
      for (int i = 0; i < n; i++) {
        out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = floats[i];
      }
      return new Image(width, height, 3, null, out, origin);
    }
    if (bytes != null) {
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] =
            (byte) Luma.of8(bytes[3 * i] & 0xFF, bytes[3 * i + 1] & 0xFF, bytes[3 * i + 2] & 0xFF);
      }
      return new Image(width, height, 1, out, null, origin);
    }
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = Luma.of(floats[3 * i], floats[3 * i + 1], floats[3 * i + 2]);
    }
    return new Image(width, height, 1, null, out, origin);
  }

  /**
   * The same pixels with another origin.
   *
   * @param newOrigin the origin to report
   * @return a copy sharing the (immutable) pixel storage
   */
  public Image withOrigin(String newOrigin) {
    return new Image(width, height, channels, bytes, floats, newOrigin);
  }

  /**
   * An AWT image for display or saving with ImageIO: {@code TYPE_BYTE_GRAY} or {@code
   * TYPE_INT_RGB}, values rounded to 8 bits.
   *
   * @return a new buffered image
   */
  public BufferedImage toBufferedImage() {
    if (channels == 1) {
      BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      int[] row = new int[width];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          row[x] = to8(value(y * width + x));
        }
        img.getRaster().setSamples(0, y, width, 1, 0, row);
      }
      return img;
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 3;
        img.setRGB(x, y, (to8(value(i)) << 16) | (to8(value(i + 1)) << 8) | to8(value(i + 2)));
      }
    }
    return img;
  }

  private static int to8(float v) {
    return Math.round(v * 255f);
  }

  /**
   * Feeds a canonical encoding of the content (shape, storage kind and values, not the origin) into
   * a digest, for data set digests that do not depend on where the files were.
   *
   * @param digest the digest to update
   */
  public void digestInto(MessageDigest digest) {
    digest.update(
        (width + "x" + height + "x" + channels + (bytes != null ? "u8" : "f32"))
            .getBytes(StandardCharsets.US_ASCII));
    if (bytes != null) {
      digest.update(bytes);
      return;
    }
    byte[] buf = new byte[floats.length * 4];
    for (int i = 0; i < floats.length; i++) {
      int bits = Float.floatToIntBits(floats[i]);
      buf[4 * i] = (byte) (bits >>> 24);
      buf[4 * i + 1] = (byte) (bits >>> 16);
      buf[4 * i + 2] = (byte) (bits >>> 8);
      buf[4 * i + 3] = (byte) bits;
    }
    digest.update(buf);
  }

  /** Equal when shape and every value are equal (the origin is ignored). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Image other)) {
      return false;
    }
    if (width != other.width || height != other.height || channels != other.channels) {
      return false;
    }
    if (bytes != null && other.bytes != null) {
      return Arrays.equals(bytes, other.bytes);
    }
    for (int i = 0; i < size(); i++) {
      if (value(i) != other.value(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(width, height, channels);
    int n = size();
    for (int i = 0; i < n; i += Math.max(1, n / 64)) {
      h = 31 * h + Float.hashCode(value(i));
    }
    return h;
  }

  @Override
  public String toString() {
    return "Image[" + width + "x" + height + "x" + channels + " from " + origin + "]";
  }
}
