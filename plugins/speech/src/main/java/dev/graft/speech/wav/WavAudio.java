package dev.graft.speech.wav;

/**
 * A decoded WAV file, downmixed to mono.
 *
 * @param samples the mono samples (the mean of the channels), in {@code [-1, 1]}
 * @param sampleRate the file's sample rate in Hz
 * @param channels the file's channel count
 * @param bitsPerSample the file's bits per sample
 * @param encoding {@code pcm} (integer) or {@code float}
 */
public record WavAudio(
    float[] samples, int sampleRate, int channels, int bitsPerSample, String encoding) {

  /**
   * The duration.
   *
   * @return seconds
   */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
