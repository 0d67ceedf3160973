package dev.graft.speech.dsp;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded background noise for augmentation and for synthesised data sets: white (flat spectrum),
 * pink (1/f power, Paul Kellet's filter) and brown (1/f^2, leaky integrated white noise), each
 * scaled to unit RMS, and mixing at a signal-to-noise ratio.
 */
public final class NoiseGenerator {

  /** The noise colours. */
  public enum Colour {
    /** Flat power spectrum. */
    WHITE,
    /** Power falling 3 dB per octave. */
    PINK,
    /** Power falling 6 dB per octave. */
    BROWN;

    /**
     * The option value.
     *
     * @return the lower-case name
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private NoiseGenerator() {}

  /**
   * Generates noise with unit RMS.
   *
   * @param colour the colour
   * @param length samples
   * @param random the source of randomness
   * @return the noise
   */
  public static float[] generate(Colour colour, int length, SplittableRandom random) {
    double[] x = new double[length];
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double b3 = 0;
    double b4 = 0;
    double b5 = 0;
    double b6 = 0;
    double brown = 0;
    for (int i = 0; i < length; i++) {
      double w = gaussian(random);
      switch (colour) {
        case WHITE -> x[i] = w;
        case PINK -> {
          b0 = 0.99886 * b0 + w * 0.0555179;
          b1 = 0.99332 * b1 + w * 0.0750759;
          b2 = 0.96900 * b2 + w * 0.1538520;
          b3 = 0.86650 * b3 + w * 0.3104856;
          b4 = 0.55000 * b4 + w * 0.5329522;
          b5 = -0.7616 * b5 - w * 0.0168980;
          x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
          b6 = w * 0.115926;
        }
        case BROWN -> {
          brown = 0.995 * brown + w * 0.1;
          x[i] = brown;
        }
      }
    }
    double sq = 0;
    for (double v : x) {
      sq += v * v;
    }
    double scale = length == 0 || sq == 0 ? 0 : 1 / Math.sqrt(sq / length);
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      out[i] = (float) (x[i] * scale);
    }
    return out;
  }

  /**
   * Adds noise to a signal at a signal-to-noise ratio measured over the whole clip, then scales the
   * mix down if it would clip.
   *
   * @param signal the signal (not changed)
   * @param noise unit-RMS noise, at least as long as the signal
   * @param snrDb the wanted ratio of signal to noise power in dB
   * @return the mix, in {@code [-1, 1]}
   */
  public static float[] mix(float[] signal, float[] noise, double snrDb) {
    double power = 0;
    for (float v : signal) {
      power += (double) v * v;
    }
    power /= Math.max(1, signal.length);
    double noiseRms = power == 0 ? 0 : Math.sqrt(power / Math.pow(10, snrDb / 10));
    float[] out = new float[signal.length];
    float peak = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (signal[i] + noiseRms * noise[i]);
      peak = Math.max(peak, Math.abs(out[i]));
    }
    if (peak > 1f) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= peak;
      }
    }
    return out;
  }

  /**
   * RMS level in dBFS.
   *
   * @param x the samples
   * @return {@code 20 log10(rms)}, or negative infinity for silence
   */
  public static double rmsDb(float[] x) {
    double sq = 0;
    for (float v : x) {
      sq += (double) v * v;
    }
    return 10 * Math.log10(sq / Math.max(1, x.length));
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
