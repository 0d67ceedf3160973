package dev.graft.speech.dsp;

/** Lets tests in other packages measure tone amplitudes. */
public final class ResamplerTestAccess {

  private ResamplerTestAccess() {}

  /**
   * The amplitude of a frequency in a signal.
   *
   * @param x the samples
   * @param hz the frequency
   * @param rate the sample rate
   * @param margin samples ignored at each end
   * @return the fitted amplitude
   */
  public static double amplitudeAt(float[] x, double hz, int rate, int margin) {
    return ResamplerTest.amplitudeAt(x, hz, rate, margin);
  }
}
