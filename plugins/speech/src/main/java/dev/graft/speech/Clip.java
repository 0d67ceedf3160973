package dev.graft.speech;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable mono audio clip: samples in {@code [-1, 1]} at a sample rate, with the speaker when
 * known and the origin (a file, or {@code file:line}) for error messages and reports.
 *
 * <p>Readers produce clips already resampled to their {@code sample-rate} and fitted to their
 * {@code clip-seconds}; the {@code audio} input encoder resamples and fits again when a model was
 * trained at another rate or length.
 */
public final class Clip {

  private final float[] samples;
  private final int sampleRate;
  private final String speaker;
  private final String origin;

  private Clip(float[] samples, int sampleRate, String speaker, String origin) {
    this.samples = samples;
    this.sampleRate = sampleRate;
    this.speaker = speaker;
    this.origin = origin == null ? "unknown" : origin;
  }

  /**
   * A clip from samples (copied).
   *
   * @param samples mono samples, each finite and in {@code [-1, 1]}; may be empty
   * @param sampleRate samples per second, at least 1
   * @param speaker the speaker, or {@code null} when unknown
   * @param origin where it came from, for error messages
   * @return the clip
   * @throws InvalidInputException GRAFT-DATA-001 for a value that is not finite or outside {@code
   *     [-1, 1]}, GRAFT-CONFIG-001 for a sample rate below 1
   */
  public static Clip of(float[] samples, int sampleRate, String speaker, String origin) {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate < 1) {
      throw new InvalidInputException(
          GraftErrors.INVALID_CONFIG,
          "clip " + origin + " has sample rate " + sampleRate + "; it must be at least 1 Hz.");
    }
    for (int i = 0; i < samples.length; i++) {
      float v = samples[i];
      if (!(v >= -1f && v <= 1f)) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "clip "
                + origin
                + " has sample "
                + v
                + " at index "
                + i
                + "; samples must be finite and in [-1, 1].");
      }
    }
    return new Clip(samples.clone(), sampleRate, speaker, origin);
  }

  /**
   * The number of samples.
   *
   * @return the length
   */
  public int length() {
    return samples.length;
  }

  /**
   * Samples per second.
   *
   * @return the rate
   */
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * The duration.
   *
   * @return seconds
   */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }

  /**
   * One sample.
   *
   * @param index from 0 to {@link #length()} - 1
   * @return its value in {@code [-1, 1]}
   */
  public float sample(int index) {
    return samples[index];
  }

  /**
   * The samples.
   *
   * @return a copy
   */
  public float[] samples() {
    return samples.clone();
  }

  /**
   * The speaker, when the data named one.
   *
   * @return the speaker or {@code null}
   */
  public String speaker() {
    return speaker;
  }

  /**
   * Where the clip came from.
   *
   * @return a file, {@code file:line}, or "unknown"
   */
  public String origin() {
    return origin;
  }

  /**
   * The same audio with other samples (the speaker and origin are kept).
   *
   * @param newSamples the samples, in {@code [-1, 1]} (clamped)
   * @param newRate their sample rate
   * @return a new clip
   */
  public Clip withSamples(float[] newSamples, int newRate) {
    float[] copy = newSamples.clone();
    for (int i = 0; i < copy.length; i++) {
      float v = copy[i];
      copy[i] = v > 1f ? 1f : (v < -1f ? -1f : (Float.isNaN(v) ? 0f : v));
    }
    return of(copy, newRate, speaker, origin);
  }

  /**
   * The largest absolute sample value.
   *
   * @return from 0 to 1
   */
  public float peak() {
    float peak = 0f;
    for (float v : samples) {
      peak = Math.max(peak, Math.abs(v));
    }
    return peak;
  }

  /**
   * Adds the clip's rate and samples to a content digest (speaker and origin are not content).
   *
   * @param digest the digest to update
   */
  public void digestInto(MessageDigest digest) {
    digest.update(
        ("clip@" + sampleRate + ":" + samples.length).getBytes(StandardCharsets.US_ASCII));
    ByteBuffer buf = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(samples);
    digest.update(buf.array());
  }

  /** Equal when rate and every sample are equal (speaker and origin are ignored). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Clip other
        && sampleRate == other.sampleRate
        && Arrays.equals(samples, other.samples);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "Clip[%s, %.3f s at %d Hz%s]",
        origin,
        seconds(),
        sampleRate,
        speaker == null ? "" : ", speaker " + speaker);
  }
}
