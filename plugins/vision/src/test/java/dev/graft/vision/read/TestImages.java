package dev.graft.vision.read;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real image files for reader tests, written with ImageIO or byte by byte. */
final class TestImages {

  private TestImages() {}

  /** A gray image whose pixel (x, y) is {@code (x * 16 + y * 3) % 256}. */
  static BufferedImage gray(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, grayValue(x, y));
      }
    }
    return img;
  }

  static int grayValue(int x, int y) {
    return (x * 16 + y * 3) % 256;
  }

  /** A colourful RGB image: red = x ramp, green = y ramp, blue constant 200. */
  static BufferedImage rgb(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((x * 20) % 256) << 16 | ((y * 20) % 256) << 8 | 200);
      }
    }
    return img;
  }

  /** An RGBA image, half transparent, colourful. */
  static BufferedImage rgba(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, 0x80 << 24 | 250 << 16 | ((x * 30) % 256) << 8 | 10);
      }
    }
    return img;
  }

  /** A 4-colour palette image. */
  static BufferedImage palette(int w, int h) {
    byte[] r = {0, (byte) 255, 0, (byte) 255};
    byte[] g = {0, 0, (byte) 255, (byte) 255};
    byte[] b = {0, 0, 0, 0};
    IndexColorModel cm = new IndexColorModel(2, 4, r, g, b);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, (x + y) % 4);
      }
    }
    return img;
  }

  static Path write(BufferedImage img, String format, Path file) {
    try {
      Files.createDirectories(file.getParent());
      if (!ImageIO.write(img, format, file.toFile())) {
        throw new IllegalStateException("no ImageIO writer for " + format + " and " + img);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path bytes(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first half of a valid PNG. */
  static byte[] truncatedPng() {
    byte[] png = encode(rgb(40, 40), "png");
    return Arrays.copyOf(png, png.length / 2);
  }

  /**
   * A PNG whose header declares {@code w x h} but holds no image data: a decoder that trusted it
   * would allocate gigabytes.
   */
  static byte[] pngHeaderOnly(int w, int h) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
    out.writeBytes(len.array());
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
