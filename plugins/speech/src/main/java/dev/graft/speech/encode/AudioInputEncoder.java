package dev.graft.speech.encode;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.speech.Clip;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.feature.FeatureExtractor;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.pf4j.Extension;

/**
 * The {@code audio} input encoder: turns a {@code Dataset<Clip>} into the {@code [frames, bins, 1]}
 * float tensors a speech model's manifest describes ({@link AudioInputSpec}): resampling clips
 * recorded at another rate, fitting them to the model's length, computing log-mel or MFCC features,
 * and with augmentation applying the spec's waveform augmentation and SpecAugment masks to clip
 * {@code i} with seed {@link AudioAugmentation#seedFor(long, int) seedFor(seed, i)}, so the same
 * data, spec and seed always give the same values. Thread-safe.
 */
@Extension
public final class AudioInputEncoder implements InputEncoder {

  /** The extension id. */
  public static final String ID = "audio";

  /** Above this many clips the encoding runs on several threads (results are identical). */
  private static final int PARALLEL_THRESHOLD = 64;

  /** Creates the encoder. */
  public AudioInputEncoder() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Encodes audio clips into a model's log-mel or MFCC input (resample, fit length,"
        + " seeded noise/shift/SpecAugment) following the manifest's audio input spec.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.AUDIO),
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION),
        Set.of());
  }

  @Override
  public String inputKind() {
    return AudioInputSpec.KIND;
  }

  @Override
  public EncodedInputs encode(
      Dataset<?> data, Map<String, Object> inputSpec, boolean augment, long seed) {
    AudioInputSpec spec = AudioInputSpec.fromMap(inputSpec);
    return encode(data, spec, augment && !spec.augmentation().isIdentity(), seed);
  }

  /**
   * Encodes with a parsed spec.
   *
   * @param data clips
   * @param spec the input spec
   * @param augment whether to augment
   * @param seed the augmentation seed
   * @return the encoded inputs
   */
  public static EncodedInputs encode(
      Dataset<?> data, AudioInputSpec spec, boolean augment, long seed) {
    FeatureExtractor extractor = new FeatureExtractor(spec.features());
    int n = data.size();
    int per = spec.frames() * spec.bins();
    float[] values = new float[Math.multiplyExact(n, per)];
    IntStream indices = IntStream.range(0, n);
    if (n > PARALLEL_THRESHOLD) {
      indices = indices.parallel();
    }
    indices.forEach(
        i ->
            spec.encodeInto(
                extractor,
                clip(data, i),
                augment,
                AudioAugmentation.seedFor(seed, i),
                values,
                i * per));
    return new EncodedInputs(values, n, spec.exampleShape());
  }

  private static Clip clip(Dataset<?> data, int index) {
    Object example = data.example(index);
    if (example instanceof Clip clip) {
      return clip;
    }
    throw new InvalidInputException(
        GraftErrors.REQUIREMENT_NOT_MET,
        "example "
            + index
            + " of data set '"
            + data.info().name()
            + "' is a "
            + (example == null ? "null" : example.getClass().getName())
            + ", not a dev.graft.speech.Clip; the model takes audio. Read the data with a speech"
            + " reader (wav-folder, audio-csv) or pick a source of the data's modality.");
  }
}
