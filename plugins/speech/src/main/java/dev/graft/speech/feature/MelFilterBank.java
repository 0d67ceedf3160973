package dev.graft.speech.feature;

/**
 * Triangular filters with peak 1 on the HTK mel scale: filter {@code m} rises linearly (in Hz) from
 * mel point {@code m} to {@code m + 1} and falls to {@code m + 2}, the {@code nMels + 2} points
 * being equally spaced in mel between {@code fmin} and {@code fmax}. Weights are stored sparsely
 * (first non-zero bin and the run of weights). Immutable.
 */
public final class MelFilterBank {

  private final int nMels;
  private final int[] firstBin;
  private final double[][] weights;
  private final double[] centres;

  /**
   * Builds the filters.
   *
   * @param nMels filters
   * @param nFft FFT size
   * @param sampleRate audio rate
   * @param fmin lowest edge in Hz
   * @param fmax highest edge in Hz
   */
  public MelFilterBank(int nMels, int nFft, int sampleRate, double fmin, double fmax) {
    this.nMels = nMels;
    int bins = nFft / 2 + 1;
    double melMin = hzToMel(fmin);
    double melMax = hzToMel(fmax);
    double[] points = new double[nMels + 2];
    for (int i = 0; i < points.length; i++) {
      points[i] = melToHz(melMin + (melMax - melMin) * i / (nMels + 1));
    }
    centres = new double[nMels];
    firstBin = new int[nMels];
    weights = new double[nMels][];
    for (int m = 0; m < nMels; m++) {
      double lo = points[m];
      double mid = points[m + 1];
      double hi = points[m + 2];
      centres[m] = mid;
      double[] w = new double[bins];
      int first = -1;
      int last = -1;
      for (int k = 0; k < bins; k++) {
        double f = (double) k * sampleRate / nFft;
        double v = Math.max(0, Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
        w[k] = v;
        if (v > 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      if (first < 0) {
        // a filter narrower than one bin: give it the nearest bin so it is never constant zero
        first = (int) Math.min(bins - 1, Math.round(mid * nFft / sampleRate));
        last = first;
        w[first] = 1;
      }
      firstBin[m] = first;
      weights[m] = java.util.Arrays.copyOfRange(w, first, last + 1);
    }
  }

  /**
   * HTK mel of a frequency.
   *
   * @param hz frequency
   * @return {@code 2595 log10(1 + hz / 700)}
   */
  public static double hzToMel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  /**
   * Frequency of an HTK mel value.
   *
   * @param mel the mel value
   * @return Hz
   */
  public static double melToHz(double mel) {
    return 700 * (Math.pow(10, mel / 2595) - 1);
  }

  /**
   * The number of filters.
   *
   * @return {@code nMels}
   */
  public int size() {
    return nMels;
  }

  /**
   * Filter {@code m}'s centre frequency (its peak).
   *
   * @param m the filter
   * @return Hz
   */
  public double centre(int m) {
    return centres[m];
  }

  /**
   * Filter {@code m}'s weight on FFT bin {@code k}.
   *
   * @param m the filter
   * @param k the bin
   * @return from 0 to 1
   */
  public double weight(int m, int k) {
    int i = k - firstBin[m];
    return i < 0 || i >= weights[m].length ? 0 : weights[m][i];
  }

  /**
   * Applies the filters to a power spectrum.
   *
   * @param power {@code nFft/2 + 1} powers
   * @param out receives {@code nMels} energies at {@code offset}
   * @param offset where to write
   */
  public void apply(double[] power, double[] out, int offset) {
    for (int m = 0; m < nMels; m++) {
      double[] w = weights[m];
      int k0 = firstBin[m];
      double e = 0;
      for (int i = 0; i < w.length; i++) {
        e += w[i] * power[k0 + i];
      }
      out[offset + m] = e;
    }
  }
}
