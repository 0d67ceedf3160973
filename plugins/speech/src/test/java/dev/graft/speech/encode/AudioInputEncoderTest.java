package dev.graft.speech.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.EncodedInputs;
import dev.graft.speech.Clip;
import dev.graft.speech.TestAudio;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.feature.FeatureExtractor;
import dev.graft.speech.feature.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioInputEncoderTest {

  private final AudioInputEncoder encoder = new AudioInputEncoder();

  private static Dataset<Clip> clips(int n, int rate) {
    List<Clip> list = new ArrayList<>();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      list.add(Clip.of(TestAudio.tone(300 + 100 * i, 0.4, rate, rate), rate, null, "c" + i));
      labels[i] = i % 2;
    }
    return Dataset.labelled(
        new DatasetInfo("tones", Modality.AUDIO, "mem", "sha256:0", Map.of()),
        list,
        ClassLabels.of(labels, List.of("a", "b")));
  }

  @Test
  void encodesEachClipAsItsFeatureMatrix() {
    AudioInputSpec spec = AudioInputSpec.defaults();
    EncodedInputs x = encoder.encode(clips(3, 16_000), spec.toMap(), false, 0);
    assertEquals(3, x.count());
    assertArrayEquals(new int[] {49, 40, 1}, x.exampleShape());
    float[] direct =
        new FeatureExtractor(spec.features())
            .extract(
                new ClipFit(16_000, ClipFit.Align.ENERGY)
                    .apply(TestAudio.tone(400, 0.4, 16_000, 16_000)));
    float[] second = java.util.Arrays.copyOfRange(x.values(), 49 * 40, 2 * 49 * 40);
    assertArrayEquals(direct, second, 0f);
  }

  @Test
  void clipsAtAnotherRateAreResampledToTheModels() {
    AudioInputSpec spec = AudioInputSpec.defaults();
    EncodedInputs at16 = encoder.encode(clips(2, 16_000), spec.toMap(), false, 0);
    EncodedInputs at44 = encoder.encode(clips(2, 44_100), spec.toMap(), false, 0);
    double maxDiff = 0;
    for (int i = 0; i < at16.values().length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(at16.values()[i] - at44.values()[i]));
    }
    // normalised log-mel of the same tone; the resampler's error is far below the features' scale
    assertTrue(maxDiff < 0.05, "max difference " + maxDiff);
  }

  @Test
  void augmentationIsSeededPerClipAndOffWithoutTheFlag() {
    Map<String, Object> spec = AudioInputSpec.defaults().toMap();
    Dataset<Clip> d = clips(4, 16_000);
    EncodedInputs plain = encoder.encode(d, spec, false, 5);
    EncodedInputs a = encoder.encode(d, spec, true, 5);
    EncodedInputs b = encoder.encode(d, spec, true, 5);
    EncodedInputs c = encoder.encode(d, spec, true, 6);
    assertArrayEquals(a.values(), b.values());
    assertFalse(java.util.Arrays.equals(a.values(), c.values()));
    assertFalse(java.util.Arrays.equals(a.values(), plain.values()));
    // a spec recorded without augmentation never augments
    AudioInputSpec none =
        new AudioInputSpec(
            FeatureSpec.defaults(), 16_000, ClipFit.Align.ENERGY, AudioAugmentation.none());
    assertArrayEquals(
        encoder.encode(d, none.toMap(), false, 1).values(),
        encoder.encode(d, none.toMap(), true, 1).values());
  }

  @Test
  void theSpecRoundTripsThroughItsMapAndJson() throws Exception {
    AudioInputSpec spec =
        new AudioInputSpec(
            FeatureSpec.defaults().withType(FeatureSpec.Type.MFCC),
            8_000,
            ClipFit.Align.CENTER,
            AudioAugmentation.defaults());
    assertEquals(spec, AudioInputSpec.fromMap(spec.toMap()));
    // as the manifest stores it: JSON numbers come back as Integer/Double
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = json.readValue(json.writeValueAsString(spec.toMap()), Map.class);
    assertEquals(spec, AudioInputSpec.fromMap(back));
    assertEquals(24, spec.frames());
    assertEquals(13, spec.bins());
  }

  @Test
  void wrongKindsAndExamplesAreClearErrors() {
    ConfigException kind =
        assertThrows(
            ConfigException.class,
            () -> encoder.encode(clips(1, 16_000), Map.of("kind", "image"), false, 0));
    assertTrue(kind.getMessage().contains("'image', not 'audio'"), kind.getMessage());
    Dataset<String> text =
        Dataset.unlabelled(
            new DatasetInfo("t", Modality.TEXT, "mem", "sha256:0", Map.of()), List.of("hello"));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> encoder.encode(text, AudioInputSpec.defaults().toMap(), false, 0));
    assertTrue(e.getMessage().contains("not a dev.graft.speech.Clip"), e.getMessage());
  }
}
