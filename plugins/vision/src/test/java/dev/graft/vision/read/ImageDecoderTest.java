package dev.graft.vision.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.sdk.read.BadInputException;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {

  @TempDir Path temp;

  private final ImageDecoder decoder =
      new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, ImageDecoder.DEFAULT_MIN_SIDE);

  private static BufferedImage noise() {
    BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
    Random rnd = new Random(1);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 48; x++) {
        img.setRGB(x, y, rnd.nextInt());
      }
    }
    return img;
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
  void everyFormatDecodesWholeAndIsRejectedTruncated(String format) {
    byte[] full = TestImages.encode(noise(), format);
    Path ok = TestImages.bytes(temp.resolve("ok." + format), full);
    Image img = decoder.decode(ok, "ok." + format);
    assertEquals(48, img.width());
    assertEquals(40, img.height());
    for (double keep : new double[] {0.3, 0.9}) {
      Path cut =
          TestImages.bytes(
              temp.resolve("cut" + keep + "." + format),
              Arrays.copyOf(full, (int) (full.length * keep)));
      BadInputException e =
          assertThrows(BadInputException.class, () -> decoder.decode(cut, "cut." + format));
      assertEquals(VisionErrors.UNDECODABLE_IMAGE, e.errorId());
      assertTrue(e.reason().startsWith("corrupt or truncated"), e.reason());
      assertEquals("cut." + format, e.location());
    }
  }

  @org.junit.jupiter.api.Test
  void sixteenBitGrayIsScaledToEightBitsWithoutGammaChanges() {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSample(1, 2, 0, 65535);
    img.getRaster().setSample(2, 2, 0, 128 * 257); // exactly 128 in 8-bit units
    Path file = TestImages.write(img, "png", temp.resolve("deep.png"));
    Image out = decoder.decode(file, "deep.png");
    assertEquals(1, out.channels());
    assertEquals(1f, out.get(2, 1, 0));
    assertEquals(128 / 255f, out.get(2, 2, 0), 1e-6f);
    assertEquals(0f, out.get(0, 0, 0));
  }
}
