package dev.graft.speech.feature;

import dev.graft.api.error.InvalidInputException;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.dsp.NoiseGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded training augmentation for keyword clips, applied in two places: on the waveform (a random
 * time shift with zero fill, a random gain, and with probability {@code noiseProbability} white,
 * pink or brown noise mixed at a signal-to-noise ratio drawn from {@code [snrMinDb, snrMaxDb]}) and
 * on the feature matrix (SpecAugment: {@code timeMasks} bands of up to {@code maxTimeMask} frames
 * and {@code freqMasks} bands of up to {@code maxFreqMask} bins set to the matrix mean). A random
 * generator seeded with {@link #seedFor(long, int)} makes every clip's augmentation reproducible.
 *
 * @param maxShiftSeconds largest shift either way, in seconds (0 for none)
 * @param maxGainDb largest gain change either way, in dB (0 for none)
 * @param noiseProbability chance of mixing in noise, 0..1
 * @param snrMinDb lowest signal-to-noise ratio in dB
 * @param snrMaxDb highest signal-to-noise ratio in dB
 * @param timeMasks time masks per clip
 * @param maxTimeMask widest time mask in frames
 * @param freqMasks frequency masks per clip
 * @param maxFreqMask widest frequency mask in bins
 */
public record AudioAugmentation(
    double maxShiftSeconds,
    double maxGainDb,
    double noiseProbability,
    double snrMinDb,
    double snrMaxDb,
    int timeMasks,
    int maxTimeMask,
    int freqMasks,
    int maxFreqMask) {

  /** Validates. */
  public AudioAugmentation {
    check(
        maxShiftSeconds >= 0 && maxShiftSeconds <= 10, "maxShiftSeconds", maxShiftSeconds, "0..10");
    check(maxGainDb >= 0 && maxGainDb <= 40, "maxGainDb", maxGainDb, "0..40");
    check(
        noiseProbability >= 0 && noiseProbability <= 1,
        "noiseProbability",
        noiseProbability,
        "0..1");
    check(
        snrMinDb <= snrMaxDb && Double.isFinite(snrMinDb) && Double.isFinite(snrMaxDb),
        "snrMinDb",
        snrMinDb,
        "finite and at most snrMaxDb (" + snrMaxDb + ")");
    check(timeMasks >= 0 && maxTimeMask >= 0, "timeMasks", timeMasks, "0 or more, width 0 or more");
    check(freqMasks >= 0 && maxFreqMask >= 0, "freqMasks", freqMasks, "0 or more, width 0 or more");
  }

  /**
   * No augmentation.
   *
   * @return the identity
   */
  public static AudioAugmentation none() {
    return new AudioAugmentation(0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * Moderate keyword-spotting augmentation: shift up to 0.1 s, gain up to 6 dB, noise on 80% of
   * clips at 5 to 30 dB SNR, two time masks of up to 4 frames, two frequency masks of up to 4 bins.
   *
   * @return the defaults
   */
  public static AudioAugmentation defaults() {
    return new AudioAugmentation(0.1, 6, 0.8, 5, 30, 2, 4, 2, 4);
  }

  /**
   * Whether this changes nothing.
   *
   * @return true for the identity
   */
  public boolean isIdentity() {
    return maxShiftSeconds == 0
        && maxGainDb == 0
        && noiseProbability == 0
        && (timeMasks == 0 || maxTimeMask == 0)
        && (freqMasks == 0 || maxFreqMask == 0);
  }

  /**
   * A per-clip seed from the run seed and the clip's index (SplitMix64 mixing).
   *
   * @param seed the run seed
   * @param index the clip
   * @return the clip's seed
   */
  public static long seedFor(long seed, int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Augments a waveform: shift, gain, noise.
   *
   * @param samples the clip (not changed)
   * @param sampleRate its rate
   * @param random the clip's generator
   * @return the augmented samples, same length, in {@code [-1, 1]}
   */
  public float[] waveform(float[] samples, int sampleRate, SplittableRandom random) {
    float[] out = samples.clone();
    int maxShift = (int) Math.round(maxShiftSeconds * sampleRate);
    if (maxShift > 0) {
      int shift = random.nextInt(-maxShift, maxShift + 1);
      float[] shifted = new float[out.length];
      for (int i = 0; i < out.length; i++) {
        int j = i - shift;
        if (j >= 0 && j < out.length) {
          shifted[i] = out[j];
        }
      }
      out = shifted;
    }
    if (maxGainDb > 0) {
      float g = (float) Math.pow(10, random.nextDouble(-maxGainDb, maxGainDb) / 20);
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(-1f, Math.min(1f, out[i] * g));
      }
    }
    if (noiseProbability > 0 && random.nextDouble() < noiseProbability) {
      NoiseGenerator.Colour colour =
          NoiseGenerator.Colour.values()[random.nextInt(NoiseGenerator.Colour.values().length)];
      double snr = snrMinDb == snrMaxDb ? snrMinDb : random.nextDouble(snrMinDb, snrMaxDb);
      float[] noise = NoiseGenerator.generate(colour, out.length, random.split());
      out = NoiseGenerator.mix(out, noise, snr);
    }
    return out;
  }

  /**
   * Applies SpecAugment masks in place.
   *
   * @param features {@code frames * bins} values, time-major
   * @param frames frames
   * @param bins values per frame
   * @param random the clip's generator
   */
  public void mask(float[] features, int frames, int bins, SplittableRandom random) {
    double sum = 0;
    for (float v : features) {
      sum += v;
    }
    float fill = (float) (sum / features.length);
    for (int m = 0; m < timeMasks && maxTimeMask > 0; m++) {
      int width = random.nextInt(Math.min(maxTimeMask, frames) + 1);
      int start = random.nextInt(frames - width + 1);
      for (int t = start; t < start + width; t++) {
        java.util.Arrays.fill(features, t * bins, (t + 1) * bins, fill);
      }
    }
    for (int m = 0; m < freqMasks && maxFreqMask > 0; m++) {
      int width = random.nextInt(Math.min(maxFreqMask, bins) + 1);
      int start = random.nextInt(bins - width + 1);
      for (int t = 0; t < frames; t++) {
        java.util.Arrays.fill(features, t * bins + start, t * bins + start + width, fill);
      }
    }
  }

  /**
   * The settings as an input-spec entry.
   *
   * @return the map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("maxShiftSeconds", maxShiftSeconds);
    m.put("maxGainDb", maxGainDb);
    m.put("noiseProbability", noiseProbability);
    m.put("snrMinDb", snrMinDb);
    m.put("snrMaxDb", snrMaxDb);
    m.put("timeMasks", timeMasks);
    m.put("maxTimeMask", maxTimeMask);
    m.put("freqMasks", freqMasks);
    m.put("maxFreqMask", maxFreqMask);
    return m;
  }

  /**
   * Reads settings written by {@link #toMap()}; absent entries take the {@link #defaults()}.
   *
   * @param map the entry, or {@code null} for the defaults
   * @return the settings
   */
  public static AudioAugmentation fromMap(Map<?, ?> map) {
    AudioAugmentation d = defaults();
    if (map == null) {
      return d;
    }
    return new AudioAugmentation(
        FeatureSpec.doubleValue(map, "maxShiftSeconds", d.maxShiftSeconds),
        FeatureSpec.doubleValue(map, "maxGainDb", d.maxGainDb),
        FeatureSpec.doubleValue(map, "noiseProbability", d.noiseProbability),
        FeatureSpec.doubleValue(map, "snrMinDb", d.snrMinDb),
        FeatureSpec.doubleValue(map, "snrMaxDb", d.snrMaxDb),
        FeatureSpec.intValue(map, "timeMasks", d.timeMasks),
        FeatureSpec.intValue(map, "maxTimeMask", d.maxTimeMask),
        FeatureSpec.intValue(map, "freqMasks", d.freqMasks),
        FeatureSpec.intValue(map, "maxFreqMask", d.maxFreqMask));
  }

  private static void check(boolean ok, String field, Object value, String expectation) {
    if (!ok) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "augmentation setting '" + field + "' is " + value + "; it must be " + expectation + ".");
    }
  }
}
