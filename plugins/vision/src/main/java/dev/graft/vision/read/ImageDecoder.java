package dev.graft.vision.read;

import dev.graft.sdk.read.BadInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with {@code javax.imageio} (JPEG, PNG, BMP, GIF) into an 8-bit {@link
 * Image}, keeping memory bounded: the size is read from the header and checked against a pixel
 * budget and a minimum side before any pixel is decoded. Decoder warnings (e.g. a JPEG that ends
 * early) count as corruption, so a half-decoded image never enters a data set.
 *
 * <p>The result has 1 channel when the file is grayscale (gray colour space, or every pixel has
 * equal R, G and B), else 3. Alpha is dropped (as PIL's and Keras's {@code convert("RGB")} do);
 * palette images are expanded; 16-bit gray is scaled to 8 bits. Thread-safe.
 */
public final class ImageDecoder {

  /** File name extensions read as images (lower case, without the dot). */
  public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

  /** Default pixel budget per image (width x height): 50 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

  /** Default smallest allowed width and height. */
  public static final int DEFAULT_MIN_SIDE = 4;

  private final long maxPixels;
  private final int minSide;

  /**
   * Creates a decoder.
   *
   * @param maxPixels the largest width x height accepted
   * @param minSide the smallest width and height accepted
   */
  public ImageDecoder(long maxPixels, int minSide) {
    this.maxPixels = maxPixels;
    this.minSide = minSide;
  }

  /**
   * Whether a file name has an image extension this decoder reads.
   *
   * @param file the file
   * @return true for .jpg, .jpeg, .png, .bmp, .gif (any case)
   */
  public static boolean hasImageExtension(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  /**
   * The lower-case extension of a file name, without the dot ("" if none).
   *
   * @param file the file
   * @return the extension
   */
  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * Decodes a file.
   *
   * @param file the image file
   * @param location how to name it in errors (e.g. a path relative to the data set root)
   * @return the image, 1 or 3 channels, 8-bit
   * @throws BadInputException VISION-READ-002 for a zero-byte, truncated, corrupt or non-image
   *     file; VISION-READ-003 for a size outside the bounds
   */
  public Image decode(Path file, String location) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new BadInputException(
          VisionErrors.UNDECODABLE_IMAGE, location, "cannot read the file: " + e.getMessage());
    }
    if (bytes == 0) {
      throw new BadInputException(
          VisionErrors.UNDECODABLE_IMAGE, location, "zero-byte file (an interrupted copy?)");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new BadInputException(
            VisionErrors.UNDECODABLE_IMAGE, location, "cannot open the file as an image stream");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new BadInputException(
            VisionErrors.UNDECODABLE_IMAGE,
            location,
            "not a JPEG, PNG, BMP or GIF image (the file starts with " + firstBytes(file) + ")");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        checkSize(width, height, location);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage img = reader.read(0);
        if (!warnings.isEmpty()) {
          throw new BadInputException(
              VisionErrors.UNDECODABLE_IMAGE,
              location,
              "corrupt or truncated " + reader.getFormatName() + ": " + warnings.get(0));
        }
        return toImage(img, location);
      } finally {
        reader.dispose();
      }
    } catch (BadInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ImageIO's decoders signal corrupt data with IIOException, EOFException and, for some
      // malformed headers, runtime exceptions; each is reported against the file.
      throw new BadInputException(
          VisionErrors.UNDECODABLE_IMAGE, location, "corrupt or truncated image: " + describe(e));
    }
  }

  private void checkSize(int width, int height, String location) {
    if (width < minSide || height < minSide) {
      throw new BadInputException(
          VisionErrors.IMAGE_SIZE_OUT_OF_BOUNDS,
          location,
          "image is "
              + width
              + "x"
              + height
              + ", smaller than the minimum side "
              + minSide
              + " (option min-side)");
    }
    if ((long) width * height > maxPixels) {
      throw new BadInputException(
          VisionErrors.IMAGE_SIZE_OUT_OF_BOUNDS,
          location,
          "image header declares "
              + width
              + "x"
              + height
              + " = "
              + (long) width * height
              + " pixels, above the budget of "
              + maxPixels
              + " (option max-pixels); downscale it or raise max-pixels");
    }
  }

  /**
   * Converts a decoded AWT image to an 8-bit {@link Image} with 1 or 3 channels.
   *
   * @param img the decoded image
   * @param origin the origin to record
   * @return the image
   */
  public static Image toImage(BufferedImage img, String origin) {
    int w = img.getWidth();
    int h = img.getHeight();
    ColorModel cm = img.getColorModel();
    if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
      return grayFromRaster(img.getRaster(), cm.getComponentSize(0), w, h, origin);
    }
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w];
    boolean gray = true;
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int r = (p >>> 16) & 0xFF;
        int g = (p >>> 8) & 0xFF;
        int b = p & 0xFF;
        gray &= r == g && g == b;
        int i = (y * w + x) * 3;
        rgb[i] = (byte) r;
        rgb[i + 1] = (byte) g;
        rgb[i + 2] = (byte) b;
      }
    }
    if (gray) {
      byte[] out = new byte[w * h];
      for (int i = 0; i < out.length; i++) {
        out[i] = rgb[3 * i];
      }
      return Image.wrapBytes(w, h, 1, out, origin);
    }
    return Image.wrapBytes(w, h, 3, rgb, origin);
  }

  private static Image grayFromRaster(Raster raster, int bits, int w, int h, String origin) {
    byte[] out = new byte[w * h];
    int[] row = new int[w];
    int max = (1 << bits) - 1;
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (byte) (bits == 8 ? row[x] : Math.round(row[x] * 255f / max));
      }
    }
    return Image.wrapBytes(w, h, 1, out, origin);
  }

  private static String describe(Exception e) {
    StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      sb.append(": ").append(e.getMessage());
    }
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      sb.append(" (").append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        sb.append(": ").append(cause.getMessage());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String firstBytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(8);
      StringBuilder hex = new StringBuilder();
      StringBuilder text = new StringBuilder();
      for (byte b : head) {
        hex.append(String.format("%02x ", b & 0xFF));
        text.append(b >= 32 && b < 127 ? (char) b : '.');
      }
      return "bytes " + hex.toString().trim() + " \"" + text + "\"";
    } catch (IOException e) {
      return "unreadable bytes: " + e.getMessage();
    }
  }
}
