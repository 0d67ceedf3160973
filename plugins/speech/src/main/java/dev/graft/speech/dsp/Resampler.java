package dev.graft.speech.dsp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion by a rational factor {@code L/M} (the rates divided by their
 * greatest common divisor) with a Kaiser-windowed sinc low-pass filter, evaluated in polyphase
 * form: output sample {@code n} sits at input time {@code n * M / L}, and its {@code 2 * halfWidth}
 * taps are the filter sampled at the fractional offset {@code (n * M mod L) / L}.
 *
 * <p>The cut-off is {@value #ROLLOFF} times the lower of the two Nyquist frequencies and the filter
 * spans {@value #ZERO_CROSSINGS} zero crossings on each side with a Kaiser window of beta {@value
 * #BETA} (stop-band attenuation around 80 dB), so the transition band runs from about 91% to 99% of
 * the lower Nyquist frequency: when converting down, content above the new Nyquist frequency is
 * removed before it could alias, and speech up to 7.2 kHz passes a 16 kHz conversion unchanged.
 * Each phase's taps are normalised to unit DC gain. Phase filters are computed once per phase and
 * cached when {@code L} is at most {@value #MAX_CACHED_PHASES}; rarer ratios (e.g. 44,101 Hz to 16
 * kHz) compute them per sample. Samples beyond either end of the input are taken as zero.
 * Thread-safe.
 */
public final class Resampler {

  /** Zero crossings of the sinc on each side of the centre. */
  public static final int ZERO_CROSSINGS = 64;

  /** The Kaiser window's beta. */
  public static final double BETA = 8.0;

  /** The cut-off as a fraction of the lower Nyquist frequency. */
  public static final double ROLLOFF = 0.95;

  /** Up to this many phases, phase filters are cached. */
  public static final int MAX_CACHED_PHASES = 4096;

  private static final ConcurrentHashMap<Long, Resampler> CACHE = new ConcurrentHashMap<>();

  private final int inRate;
  private final int outRate;
  private final int up;
  private final int down;
  private final double cutoff;
  private final int halfWidth;
  private final double[][] phases;

  private Resampler(int inRate, int outRate) {
    this.inRate = inRate;
    this.outRate = outRate;
    int g = gcd(inRate, outRate);
    this.up = outRate / g;
    this.down = inRate / g;
    // cut-off in cycles per input sample
    this.cutoff = 0.5 * ROLLOFF * Math.min(1.0, (double) outRate / inRate);
    this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    if (up <= MAX_CACHED_PHASES) {
      phases = new double[up][];
      for (int p = 0; p < up; p++) {
        phases[p] = taps(p);
      }
    } else {
      phases = null;
    }
  }

  /**
   * A resampler between two rates (cached: the same pair gives the same instance).
   *
   * @param inRate the input rate in Hz, at least 1
   * @param outRate the output rate in Hz, at least 1
   * @return the resampler
   */
  public static Resampler of(int inRate, int outRate) {
    if (inRate < 1 || outRate < 1) {
      throw new IllegalArgumentException(
          "sample rates must be positive, got " + inRate + " and " + outRate);
    }
    return CACHE.computeIfAbsent(
        ((long) inRate << 32) | outRate, k -> new Resampler(inRate, outRate));
  }

  /**
   * Converts samples from {@code inRate} to {@code outRate} (a copy when the rates are equal).
   *
   * @param in the input samples
   * @param inRate their rate
   * @param outRate the wanted rate
   * @return {@code ceil(in.length * outRate / inRate)} samples
   */
  public static float[] resample(float[] in, int inRate, int outRate) {
    if (inRate == outRate) {
      return in.clone();
    }
    return of(inRate, outRate).apply(in);
  }

  /**
   * The output length for an input length.
   *
   * @param inLength input samples
   * @return output samples
   */
  public int outputLength(int inLength) {
    return (int) (((long) inLength * up + down - 1) / down);
  }

  /**
   * Converts samples.
   *
   * @param in samples at the input rate
   * @return samples at the output rate
   */
  public float[] apply(float[] in) {
    if (up == down) {
      return in.clone();
    }
    int n = outputLength(in.length);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      long pos = (long) i * down;
      int base = (int) (pos / up);
      int phase = (int) (pos % up);
      double[] h = phases != null ? phases[phase] : taps(phase);
      int start = base - halfWidth + 1;
      double acc = 0;
      int k0 = Math.max(0, -start);
      int k1 = Math.min(h.length, in.length - start);
      for (int k = k0; k < k1; k++) {
        acc += h[k] * in[start + k];
      }
      out[i] = (float) acc;
    }
    return out;
  }

  /**
   * The filter taps for one phase: tap {@code k} weighs input sample {@code base - halfWidth + 1 +
   * k} for an output at input time {@code base + phase / up}.
   */
  private double[] taps(int phase) {
    double frac = phase / (double) up;
    double[] h = new double[2 * halfWidth];
    double sum = 0;
    for (int k = 0; k < h.length; k++) {
      double t = (k - halfWidth + 1) - frac; // input time of the tap relative to the output
      double x = t / halfWidth;
      double w = Math.abs(x) >= 1 ? 0 : bessel0(BETA * Math.sqrt(1 - x * x)) / bessel0(BETA);
      h[k] = 2 * cutoff * sinc(2 * cutoff * t) * w;
      sum += h[k];
    }
    for (int k = 0; k < h.length; k++) {
      h[k] /= sum;
    }
    return h;
  }

  private static double sinc(double x) {
    if (Math.abs(x) < 1e-12) {
      return 1;
    }
    double px = Math.PI * x;
    return Math.sin(px) / px;
  }

  /** The zeroth-order modified Bessel function of the first kind, by its power series. */
  static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  public String toString() {
    return "Resampler["
        + inRate
        + " Hz -> "
        + outRate
        + " Hz, "
        + up
        + "/"
        + down
        + ", "
        + 2 * halfWidth
        + " taps]";
  }
}
