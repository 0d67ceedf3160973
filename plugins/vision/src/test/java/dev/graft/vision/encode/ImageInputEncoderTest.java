package dev.graft.vision.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.EncodedInputs;
import dev.graft.vision.Image;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.preprocess.ResizeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageInputEncoderTest {

  private final ImageInputEncoder encoder = new ImageInputEncoder();

  /** {@code n} 8x8 grayscale images, image i with pixel (x, y) = ((x + y + i) % 9) / 8. */
  private static Dataset<Image> digits(int n) {
    List<Image> images = new ArrayList<>();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      float[] px = new float[64];
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          px[y * 8 + x] = ((x + y + i) % 9) / 8f;
        }
      }
      images.add(Image.of(8, 8, 1, px, "row " + i));
      labels[i] = i % 2;
    }
    DatasetInfo info = new DatasetInfo("tiny", Modality.VISION, null, null, Map.of());
    return Dataset.labelled(info, images, ClassLabels.of(labels, List.of("a", "b")));
  }

  private static Map<String, Object> spec(ImageInputSpec spec) {
    return ImageSpecMaps.toMap(spec, AugmentationSpec.mild());
  }

  @Test
  void encodesNhwcWithTheSpecsNormalisation() {
    Dataset<Image> data = digits(3);
    ImageInputSpec s =
        ImageInputSpec.of(8, 8, 1).withNormalisation(1.0, List.of(0.5), List.of(0.25));
    EncodedInputs in = encoder.encode(data, spec(s), false, 0);
    assertEquals(3, in.count());
    assertArrayEquals(new int[] {8, 8, 1}, in.exampleShape());
    // image 2, pixel (x=3, y=1): ((3 + 1 + 2) % 9) / 8 = 0.75 -> (0.75 - 0.5) / 0.25 = 1
    assertEquals(1.0f, in.values()[2 * 64 + 1 * 8 + 3], 1e-6f);
    assertEquals((0f - 0.5f) / 0.25f, in.values()[0], 1e-6f);
  }

  @Test
  void readsTheShapeThatNetworkExportWritesAndConvertsGrayToRgb() {
    Map<String, Object> manifestSpec = new LinkedHashMap<>();
    manifestSpec.put("kind", "image");
    manifestSpec.put("name", "input");
    manifestSpec.put("shape", List.of(-1, 4, 4, 3));
    manifestSpec.put("dtype", "float32");
    EncodedInputs in = encoder.encode(digits(2), manifestSpec, false, 0);
    assertArrayEquals(new int[] {4, 4, 3}, in.exampleShape());
    float[] v = in.values();
    for (int p = 0; p < 2 * 16; p++) {
      assertEquals(v[p * 3], v[p * 3 + 1], 0f);
      assertEquals(v[p * 3], v[p * 3 + 2], 0f);
    }
  }

  @Test
  void augmentationIsDeterministicPerSeedAndOnlyWhenAsked() {
    Dataset<Image> data = digits(600); // above the parallel threshold
    Map<String, Object> s = spec(ImageInputSpec.of(8, 8, 1));
    float[] plain = encoder.encode(data, s, false, 1).values();
    assertArrayEquals(plain, encoder.encode(data, s, false, 99).values(), "seed ignored");
    float[] a = encoder.encode(data, s, true, 7).values();
    float[] b = encoder.encode(data, s, true, 7).values();
    float[] c = encoder.encode(data, s, true, 8).values();
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(a, plain));
    for (float v : a) {
      assertTrue(v >= 0 && v <= 1, "value " + v);
    }
  }

  @Test
  void recordedIdentityAugmentationLeavesImagesAlone() {
    Dataset<Image> data = digits(4);
    Map<String, Object> s = ImageSpecMaps.toMap(ImageInputSpec.of(8, 8, 1), AugmentationSpec.NONE);
    assertArrayEquals(
        encoder.encode(data, s, false, 0).values(), encoder.encode(data, s, true, 5).values());
  }

  @Test
  void specRoundTripsThroughItsMapForm() {
    ImageInputSpec s =
        new ImageInputSpec(
            32, 24, 3, ResizeMode.PAD, 255.0, List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0));
    AugmentationSpec aug = new AugmentationSpec(0.2, 0.1, true, 5, 0.1, 0.0);
    Map<String, Object> map = ImageSpecMaps.toMap(s, aug);
    assertEquals("image", map.get("kind"));
    assertEquals(s, ImageSpecMaps.imageSpec(map));
    assertEquals(aug, ImageSpecMaps.augmentation(map));
    map.remove("augmentation");
    assertEquals(AugmentationSpec.mild(), ImageSpecMaps.augmentation(map));
  }

  @Test
  void rejectsDataThatIsNotImages() {
    DatasetInfo info = new DatasetInfo("words", Modality.TEXT, null, null, Map.of());
    Dataset<String> text = Dataset.unlabelled(info, List.of("hello"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> encoder.encode(text, spec(ImageInputSpec.of(8, 8, 1)), false, 0));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, e.errorId());
    assertTrue(e.getMessage().contains("example 0 of data set 'words'"), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
  }

  @Test
  void rejectsChannelCountsItCannotMake() {
    Map<String, Object> four =
        new LinkedHashMap<>(Map.of("kind", "image", "shape", List.of(8, 8, 4)));
    ConfigException e =
        assertThrows(ConfigException.class, () -> encoder.encode(digits(1), four, false, 0));
    assertTrue(e.getMessage().contains("4 channels"), e.getMessage());
    Map<String, Object> disagree =
        new LinkedHashMap<>(Map.of("kind", "image", "shape", List.of(-1, 8, 8, 3), "channels", 1));
    e = assertThrows(ConfigException.class, () -> encoder.encode(digits(1), disagree, false, 0));
    assertTrue(e.getMessage().contains("disagrees"), e.getMessage());
  }

  @Test
  void rejectsAnotherKindAndAMissingSize() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> encoder.encode(digits(1), Map.of("kind", "text", "height", 8), false, 0));
    assertTrue(e.getMessage().contains("'text'"), e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () -> encoder.encode(digits(1), Map.of("kind", "image", "height", 8), false, 0));
    assertTrue(e.getMessage().contains("no 'width'"), e.getMessage());
  }
}
