package dev.graft.speech.encode;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.dsp.Resampler;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.feature.FeatureExtractor;
import dev.graft.speech.feature.FeatureSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a speech model takes: clips at {@code features.sampleRate()} fitted to {@code clipSamples}
 * (zero-padded or cropped, see {@link ClipFit}), turned into a {@code frames x bins x 1} feature
 * tensor ({@link FeatureSpec}), with the training {@link AudioAugmentation}. Written into the
 * model's manifest under {@code input} by {@link #toMap()} and read back by {@link #fromMap}.
 *
 * <p>A clip becomes a tensor in this order: resample to the model's rate (when it differs), fit to
 * the length, [augment the waveform], extract the features, [mask them].
 *
 * @param features the feature parameters (with the sample rate)
 * @param clipSamples the fixed clip length in samples at that rate
 * @param align how clips are fitted to the length
 * @param augmentation the training augmentation (the identity for none)
 */
public record AudioInputSpec(
    FeatureSpec features, int clipSamples, ClipFit.Align align, AudioAugmentation augmentation) {

  /** The input kind written in manifests. */
  public static final String KIND = "audio";

  /** The manifest key of the kind. */
  public static final String KIND_KEY = "kind";

  /**
   * The manifest key of the {@link FeatureSpec} ({@code features} itself is the exporter's feature
   * width).
   */
  public static final String FEATURES_KEY = "featureSpec";

  /** Validates. */
  public AudioInputSpec {
    if (features == null || align == null || augmentation == null) {
      throw new ConfigException("an audio input spec needs features, align and augmentation");
    }
    features.frames(clipSamples); // at least one frame
  }

  /**
   * The default keyword-spotting input: 1 s at 16 kHz, energy-aligned, default log-mel features,
   * default augmentation.
   *
   * @return the spec
   */
  public static AudioInputSpec defaults() {
    return new AudioInputSpec(
        FeatureSpec.defaults(), 16_000, ClipFit.Align.ENERGY, AudioAugmentation.defaults());
  }

  /**
   * The feature frames per clip.
   *
   * @return frames
   */
  public int frames() {
    return features.frames(clipSamples);
  }

  /**
   * The values per frame.
   *
   * @return bins
   */
  public int bins() {
    return features.bins();
  }

  /**
   * The shape of one encoded example.
   *
   * @return {@code [frames, bins, 1]}
   */
  public int[] exampleShape() {
    return new int[] {frames(), bins(), 1};
  }

  /**
   * The sample rate.
   *
   * @return Hz
   */
  public int sampleRate() {
    return features.sampleRate();
  }

  /**
   * The length fitter.
   *
   * @return the clip fit
   */
  public ClipFit clipFit() {
    return new ClipFit(clipSamples, align);
  }

  /**
   * Brings a clip to this spec's rate and length.
   *
   * @param clip the clip
   * @return {@code clipSamples} samples at the spec's rate
   */
  public float[] prepare(Clip clip) {
    float[] s = clip.samples();
    if (clip.sampleRate() != sampleRate()) {
      s = Resampler.resample(s, clip.sampleRate(), sampleRate());
    }
    return clipFit().apply(s);
  }

  /**
   * Encodes one clip.
   *
   * @param extractor an extractor for {@link #features()}
   * @param clip the clip
   * @param augment whether to augment
   * @param clipSeed the clip's augmentation seed
   * @param out receives {@code frames * bins} values
   * @param offset where in {@code out}
   */
  public void encodeInto(
      FeatureExtractor extractor,
      Clip clip,
      boolean augment,
      long clipSeed,
      float[] out,
      int offset) {
    float[] samples = prepare(clip);
    SplittableRandom random = augment ? new SplittableRandom(clipSeed) : null;
    if (random != null) {
      samples = augmentation.waveform(samples, sampleRate(), random);
    }
    float[] f = extractor.extract(samples);
    if (random != null) {
      augmentation.mask(f, frames(), bins(), random);
    }
    System.arraycopy(f, 0, out, offset, f.length);
  }

  /**
   * The spec as manifest input entries.
   *
   * @return the map (with {@code kind: audio})
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(KIND_KEY, KIND);
    m.put("modality", "speech");
    m.put("sampleRate", sampleRate());
    m.put("clipSamples", clipSamples);
    m.put("clipSeconds", clipSamples / (double) sampleRate());
    m.put("align", align.id());
    m.put("lengthPolicy", "zero-pad/crop");
    m.put("frames", frames());
    m.put("bins", bins());
    m.put(FEATURES_KEY, features.toMap());
    m.put("augmentation", augmentation.toMap());
    return m;
  }

  /**
   * Reads a spec from a manifest's input entries.
   *
   * @param map the input spec
   * @return the spec
   * @throws ConfigException if the map is missing or of another kind
   * @throws InvalidInputException SPEECH-FEATURE-001 for a bad value
   */
  public static AudioInputSpec fromMap(Map<String, Object> map) {
    if (map == null) {
      throw new ConfigException(
          "the model has no input spec; the audio encoder needs at least {\"kind\": \"audio\"}"
              + " with its features.");
    }
    Object kind = map.get(KIND_KEY);
    if (kind != null && !KIND.equals(kind)) {
      throw new ConfigException(
          "the model's input kind is '"
              + kind
              + "', not 'audio'; the speech plugin's encoder cannot encode for it. Use the"
              + " encoder of that kind.");
    }
    Object f = map.get(FEATURES_KEY);
    FeatureSpec features = FeatureSpec.fromMap(f instanceof Map<?, ?> fm ? fm : null);
    Object clipSamples = map.get("clipSamples");
    int samples =
        clipSamples instanceof Number n ? n.intValue() : features.sampleRate(); // 1 s default
    ClipFit.Align align;
    try {
      align =
          map.get("align") == null
              ? ClipFit.Align.ENERGY
              : ClipFit.Align.parse(map.get("align").toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "input spec 'align' is '" + map.get("align") + "'; it must be start, center or energy.");
    }
    Object a = map.get("augmentation");
    AudioAugmentation augmentation =
        a instanceof Map<?, ?> am ? AudioAugmentation.fromMap(am) : AudioAugmentation.defaults();
    return new AudioInputSpec(features, samples, align, augmentation);
  }
}
