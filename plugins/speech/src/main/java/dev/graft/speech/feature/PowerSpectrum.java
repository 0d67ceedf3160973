package dev.graft.speech.feature;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * One frame's power spectrum through commons-math3's radix-2 FFT (standard normalisation: no
 * scaling forward, so Parseval reads {@code sum x^2 = (1/N) sum |X_k|^2}). Thread-safe.
 */
public final class PowerSpectrum {

  private static final FastFourierTransformer FFT =
      new FastFourierTransformer(DftNormalization.STANDARD);

  private PowerSpectrum() {}

  /**
   * The full complex spectrum of a real frame.
   *
   * @param frame the samples, length a power of two
   * @return {@code X_k} for {@code k = 0..N-1}
   */
  public static Complex[] spectrum(double[] frame) {
    return FFT.transform(frame, TransformType.FORWARD);
  }

  /**
   * The one-sided power spectrum {@code |X_k|^2}, {@code k = 0..N/2}, of a real frame.
   *
   * @param frame the samples, length a power of two
   * @return {@code N/2 + 1} powers
   */
  public static double[] power(double[] frame) {
    Complex[] x = spectrum(frame);
    double[] p = new double[frame.length / 2 + 1];
    for (int k = 0; k < p.length; k++) {
      double re = x[k].getReal();
      double im = x[k].getImaginary();
      p[k] = re * re + im * im;
    }
    return p;
  }
}
