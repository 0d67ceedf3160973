package dev.graft.vision.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.error.ConfigException;
import dev.graft.vision.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

  /** 4 wide, 2 high, gray: row 0 = 0.1 0.2 0.3 0.4, row 1 = 0.5 0.6 0.7 0.8. */
  private static Image wide() {
    return Image.of(4, 2, 1, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, "wide");
  }

  private static float[] fit(Image img, int h, int w, ResizeMode mode) {
    return new ImagePreprocessor(ImageInputSpec.of(h, w, 1).withResize(mode)).fit(img).pixels();
  }

  @Test
  void stretchInterpolatesBilinearlyWithHalfPixelCentres() {
    Image ramp = Image.of(2, 1, 1, new float[] {0f, 1f}, "ramp");
    assertArrayEquals(
        new float[] {0f, 0.25f, 0.75f, 1f}, fit(ramp, 1, 4, ResizeMode.STRETCH), 1e-6f);
    // downscale 4x2 -> 2x1 averages 2x2 blocks exactly
    assertArrayEquals(new float[] {0.35f, 0.55f}, fit(wide(), 1, 2, ResizeMode.STRETCH), 1e-6f);
  }

  @Test
  void sameSizeIsUntouched() {
    Image img = wide();
    assertSame(img, new ImagePreprocessor(ImageInputSpec.of(2, 4, 1)).fit(img));
  }

  @Test
  void centreCropCutsTheMiddle() {
    assertArrayEquals(
        new float[] {0.2f, 0.3f, 0.6f, 0.7f}, fit(wide(), 2, 2, ResizeMode.CENTER_CROP), 1e-6f);
    // crop after scaling: 4x2 into 1x1 takes the centre of a 2x1 downscale
    assertEquals(1, fit(wide(), 1, 1, ResizeMode.CENTER_CROP).length);
  }

  @Test
  void padKeepsAspectAndFillsWithZeros() {
    assertArrayEquals(
        new float[] {0, 0, 0, 0, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0, 0, 0, 0},
        fit(wide(), 4, 4, ResizeMode.PAD),
        1e-6f);
  }

  @Test
  void stretchChangesAspect() {
    float[] out = fit(wide(), 4, 4, ResizeMode.STRETCH);
    assertEquals(16, out.length);
    assertEquals(0.1f, out[0], 1e-6f);
    assertEquals(0.8f, out[15], 1e-6f);
  }

  @Test
  void normalisesPerChannelAndConvertsChannels() {
    ImageInputSpec spec =
        new ImageInputSpec(
            1, 2, 3, ResizeMode.STRETCH, 255, List.of(100.0, 0.0, 255.0), List.of(2.0, 1.0, 0.5));
    Image gray = Image.of(2, 1, 1, new float[] {0f, 1f}, "g");
    ImageBatch batch = new ImagePreprocessor(spec).batch(List.of(gray, gray));
    assertArrayEquals(new long[] {2, 1, 2, 3}, batch.shape());
    // pixel 0 value 0: (0 - 100)/2, (0 - 0)/1, (0 - 255)/0.5
    assertEquals(-50f, batch.get(0, 0, 0, 0), 1e-4f);
    assertEquals(0f, batch.get(0, 0, 0, 1), 1e-4f);
    assertEquals(-510f, batch.get(0, 0, 0, 2), 1e-4f);
    // pixel 1 value 1: (255 - 100)/2, 255, 0
    assertEquals(77.5f, batch.get(1, 0, 1, 0), 1e-4f);
    assertEquals(255f, batch.get(1, 0, 1, 1), 1e-4f);
    assertEquals(0f, batch.get(1, 0, 1, 2), 1e-4f);
    assertEquals(12, batch.data().length);
  }

  @Test
  void imagenetPresetAndRgbToGray() {
    ImageInputSpec spec = ImageInputSpec.imagenet(224, 224);
    assertEquals(ResizeMode.CENTER_CROP, spec.resize());
    assertEquals(List.of(0.485, 0.456, 0.406), spec.mean());
    Image red = Image.of(1, 1, 3, new float[] {1f, 0f, 0f}, "red");
    float gray = new ImagePreprocessor(ImageInputSpec.of(1, 1, 1)).fit(red).get(0, 0, 0);
    assertEquals(0.299f, gray, 1e-6f);
  }

  @Test
  void specIsValidated() {
    assertThrows(ConfigException.class, () -> ImageInputSpec.of(28, 28, 2));
    assertThrows(ConfigException.class, () -> ImageInputSpec.of(0, 28, 1));
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> new ImageInputSpec(8, 8, 3, null, 1, List.of(0.5), null));
    assertTrue(e.getMessage().contains("a list of 3 value(s)"), e.getMessage());
    assertThrows(
        ConfigException.class, () -> new ImageInputSpec(8, 8, 1, null, 1, null, List.of(0.0)));
    assertThrows(ConfigException.class, () -> new ImageInputSpec(8, 8, 1, null, -1, null, null));
  }

  @Test
  void specRoundTripsThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ImageInputSpec spec = ImageInputSpec.imagenet(96, 128).withResize(ResizeMode.PAD);
    String text = json.writeValueAsString(spec);
    assertTrue(text.contains("\"resize\":\"PAD\""), text);
    assertEquals(spec, json.readValue(text, ImageInputSpec.class));
    ImageInputSpec minimal =
        json.readValue(
            "{\"height\":8,\"width\":8,\"channels\":1,\"scale\":16}", ImageInputSpec.class);
    assertEquals(ResizeMode.STRETCH, minimal.resize());
    assertEquals(List.of(0.0), minimal.mean());
    assertEquals(List.of(1.0), minimal.std());
  }
}
