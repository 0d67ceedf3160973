package dev.graft.vision.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.vision.Image;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmenterTest {

  /** A 16x16 RGB image with an asymmetric pattern. */
  private static Image pattern() {
    float[] px = new float[16 * 16 * 3];
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int i = (y * 16 + x) * 3;
        px[i] = x / 15f;
        px[i + 1] = y / 15f;
        px[i + 2] = (x > 10 && y < 5) ? 1f : 0.2f;
      }
    }
    return Image.of(16, 16, 3, px, "pattern");
  }

  private static Image mirror(Image img) {
    float[] px = img.pixels();
    float[] out = new float[px.length];
    int w = img.width();
    int c = img.channels();
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < w; x++) {
        System.arraycopy(px, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
      }
    }
    return Image.of(w, img.height(), c, out, "mirror");
  }

  @Test
  void sameSeedSameResultDifferentSeedsDiffer() {
    Augmenter aug = new Augmenter(AugmentationSpec.mild());
    Image img = pattern();
    Image a = aug.augment(img, 7);
    Image b = aug.augment(img, 7);
    assertEquals(a, b);
    assertTrue(Arrays.equals(a.pixels(), b.pixels()));
    int distinct = 0;
    for (long seed = 0; seed < 10; seed++) {
      if (!aug.augment(img, seed).equals(a)) {
        distinct++;
      }
    }
    assertTrue(distinct >= 9, "only " + distinct + " of 10 seeds changed the result");
    assertNotEquals(img, a);
    assertEquals(16, a.width());
    assertEquals(3, a.channels());
    for (float v : a.pixels()) {
      assertTrue(v >= 0 && v <= 1, "value " + v);
    }
  }

  @Test
  void flipHappensOnlyWhenEnabledAndIsAnExactMirror() {
    Image img = pattern();
    Image mirrored = mirror(img);
    Augmenter flipOnly = new Augmenter(new AugmentationSpec(0, 0, true, 0, 0, 0));
    int flips = 0;
    int same = 0;
    for (long seed = 0; seed < 40; seed++) {
      Image out = flipOnly.augment(img, seed);
      if (out.equals(mirrored)) {
        flips++;
      } else {
        assertTrue(Arrays.equals(img.pixels(), out.pixels()), "neither identity nor mirror");
        same++;
      }
    }
    assertTrue(flips > 5 && same > 5, flips + " flips, " + same + " unflipped");
    Augmenter noFlip = new Augmenter(AugmentationSpec.mild());
    for (long seed = 0; seed < 40; seed++) {
      Image out = noFlip.augment(img, seed);
      // the bright top-right patch stays on the right without flips
      assertTrue(out.get(2, 13, 2) > out.get(2, 2, 2), "seed " + seed);
    }
  }

  @Test
  void identitySpecReturnsTheImageAndShiftMovesContent() {
    Image img = pattern();
    assertSame(img, new Augmenter(AugmentationSpec.NONE).augment(img, 3));
    Augmenter shift = new Augmenter(new AugmentationSpec(0.25, 0, false, 0, 0, 0));
    Image out = shift.augment(img, 11);
    // a pure shift keeps the image's values, moves them, and fills the border with zeros
    float[] px = out.pixels();
    long zeros = 0;
    for (float v : px) {
      zeros += v == 0f ? 1 : 0;
    }
    assertTrue(zeros > 0, "a shift must uncover a zero border");
  }

  @Test
  void preprocessorBatchesAugmentDeterministically() {
    ImagePreprocessor pre = new ImagePreprocessor(ImageInputSpec.of(8, 8, 1));
    Augmenter aug = new Augmenter(AugmentationSpec.mild());
    List<Image> images = List.of(pattern(), pattern());
    ImageBatch a = pre.batch(images, aug, 5);
    ImageBatch b = pre.batch(images, aug, 5);
    ImageBatch c = pre.batch(images, aug, 6);
    assertTrue(Arrays.equals(a.data(), b.data()));
    assertTrue(!Arrays.equals(a.data(), c.data()));
    // the two copies of the same image get different variations within one batch
    float[] first = Arrays.copyOfRange(a.data(), 0, 64);
    float[] second = Arrays.copyOfRange(a.data(), 64, 128);
    assertTrue(!Arrays.equals(first, second));
    assertEquals(Augmenter.seedFor(5, 1), Augmenter.seedFor(5, 1));
    assertNotEquals(Augmenter.seedFor(5, 1), Augmenter.seedFor(5, 2));
  }

  @Test
  void boundsAreValidated() {
    assertThrows(ConfigException.class, () -> new AugmentationSpec(0.6, 0, false, 0, 0, 0));
    assertThrows(ConfigException.class, () -> new AugmentationSpec(0, 0, false, 200, 0, 0));
  }
}
