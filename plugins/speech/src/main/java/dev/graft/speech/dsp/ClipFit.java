package dev.graft.speech.dsp;

import java.util.Locale;

/**
 * How a clip is fitted to a fixed number of samples: shorter clips are padded with zeros, longer
 * ones cropped, and the {@link Align alignment} decides where the kept window sits.
 *
 * @param samples the fixed length, at least 1
 * @param align where the window sits
 */
public record ClipFit(int samples, Align align) {

  /** Where the kept window (or the padded clip) sits. */
  public enum Align {
    /** The clip starts at sample 0: pad at the end, crop the end. */
    START,
    /** The clip is centred: pad or crop both ends equally. */
    CENTER,
    /**
     * The window is centred on the clip's energy centroid (the mean time weighted by squared
     * amplitude), so a word inside a long recording is kept whole; a shorter clip is centred.
     */
    ENERGY;

    /**
     * The option value.
     *
     * @return the lower-case name
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an option value.
     *
     * @param value start, center or energy (any case)
     * @return the alignment
     * @throws IllegalArgumentException for another value
     */
    public static Align parse(String value) {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** Validates. */
  public ClipFit {
    if (samples < 1) {
      throw new IllegalArgumentException("clip length must be at least 1 sample, got " + samples);
    }
    if (align == null) {
      throw new IllegalArgumentException("alignment is required");
    }
  }

  /**
   * Fits samples to {@link #samples()}.
   *
   * @param in the samples
   * @return a new array of exactly {@link #samples()} values
   */
  public float[] apply(float[] in) {
    float[] out = new float[samples];
    int offset = offset(in);
    // out[i] = in[i + offset] where that index exists
    int from = Math.max(0, -offset);
    int to = Math.min(samples, in.length - offset);
    if (to > from) {
      System.arraycopy(in, from + offset, out, from, to - from);
    }
    return out;
  }

  /**
   * Where the window starts in the input: negative when the clip is padded at the front.
   *
   * @param in the samples
   * @return the offset of output sample 0 in the input
   */
  public int offset(float[] in) {
    int excess = in.length - samples;
    return switch (align) {
      case START -> 0;
      case CENTER -> Math.floorDiv(excess, 2);
      case ENERGY -> {
        if (excess <= 0) {
          yield Math.floorDiv(excess, 2);
        }
        double energy = 0;
        double weighted = 0;
        for (int i = 0; i < in.length; i++) {
          double e = (double) in[i] * in[i];
          energy += e;
          weighted += e * i;
        }
        if (energy == 0) {
          yield excess / 2;
        }
        long start = Math.round(weighted / energy - samples / 2.0);
        yield (int) Math.max(0, Math.min(excess, start));
      }
    };
  }

  /**
   * A description for data set facts and input specs.
   *
   * @return e.g. {@code "16000 samples, zero-pad/crop, energy"}
   */
  public String describe() {
    return samples + " samples, zero-pad/crop, align " + align.id();
  }
}
