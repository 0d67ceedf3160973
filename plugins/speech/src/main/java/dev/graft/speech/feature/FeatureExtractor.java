package dev.graft.speech.feature;

import dev.graft.speech.feature.FeatureSpec.Normalize;
import dev.graft.speech.feature.FeatureSpec.Type;

/**
 * Computes a {@link FeatureSpec}'s features for clips of a fixed length: a {@code frames x bins}
 * matrix, time-major (row {@code t} holds frame {@code t}'s {@code bins} values). The window, mel
 * filters and DCT matrix are computed once; {@link #extract} is thread-safe.
 */
public final class FeatureExtractor {

  private final FeatureSpec spec;
  private final double[] window;
  private final MelFilterBank mel;
  private final double[][] dct;

  /**
   * Prepares the extractor.
   *
   * @param spec the features
   */
  public FeatureExtractor(FeatureSpec spec) {
    this.spec = spec;
    this.window = spec.window().coefficients(spec.frameLength());
    this.mel =
        new MelFilterBank(spec.nMels(), spec.nFft(), spec.sampleRate(), spec.fmin(), spec.fmax());
    this.dct = spec.type() == Type.MFCC ? dctMatrix(spec.nMfcc(), spec.nMels()) : null;
  }

  /**
   * The spec.
   *
   * @return the feature spec
   */
  public FeatureSpec spec() {
    return spec;
  }

  /**
   * The mel filters.
   *
   * @return the filter bank
   */
  public MelFilterBank melFilterBank() {
    return mel;
  }

  /**
   * The orthonormal DCT-II matrix: row {@code j}, column {@code m} is {@code s_j cos(pi j (m + 0.5)
   * / M)} with {@code s_0 = sqrt(1/M)} and {@code s_j = sqrt(2/M)}.
   *
   * @param rows coefficients kept
   * @param size input length {@code M}
   * @return the matrix
   */
  public static double[][] dctMatrix(int rows, int size) {
    double[][] d = new double[rows][size];
    for (int j = 0; j < rows; j++) {
      double s = Math.sqrt((j == 0 ? 1.0 : 2.0) / size);
      for (int m = 0; m < size; m++) {
        d[j][m] = s * Math.cos(Math.PI * j * (m + 0.5) / size);
      }
    }
    return d;
  }

  /**
   * The mel energies (before the logarithm) of every frame.
   *
   * @param samples the clip at the spec's sample rate
   * @return {@code frames * nMels} energies, time-major
   */
  public double[] melEnergies(float[] samples) {
    int frames = spec.frames(samples.length);
    int n = spec.nFft();
    double[] out = new double[frames * spec.nMels()];
    double[] frame = new double[n];
    for (int t = 0; t < frames; t++) {
      int start = t * spec.hop();
      java.util.Arrays.fill(frame, 0);
      for (int i = 0; i < window.length; i++) {
        frame[i] = samples[start + i] * window[i];
      }
      mel.apply(PowerSpectrum.power(frame), out, t * spec.nMels());
    }
    return out;
  }

  /**
   * The features of a clip.
   *
   * @param samples the clip at the spec's sample rate, at least one frame long
   * @return {@code frames * bins} values, time-major
   */
  public float[] extract(float[] samples) {
    int frames = spec.frames(samples.length);
    double[] energies = melEnergies(samples);
    int nMels = spec.nMels();
    double floor = spec.logFloor();
    for (int i = 0; i < energies.length; i++) {
      energies[i] = Math.log(Math.max(energies[i], floor));
    }
    int bins = spec.bins();
    float[] out = new float[frames * bins];
    if (dct == null) {
      for (int i = 0; i < energies.length; i++) {
        out[i] = (float) energies[i];
      }
    } else {
      for (int t = 0; t < frames; t++) {
        int base = t * nMels;
        for (int j = 0; j < bins; j++) {
          double[] row = dct[j];
          double c = 0;
          for (int m = 0; m < nMels; m++) {
            c += row[m] * energies[base + m];
          }
          out[t * bins + j] = (float) c;
        }
      }
    }
    if (spec.normalize() == Normalize.PER_CLIP) {
      normalise(out);
    }
    return out;
  }

  /** Zero mean, unit variance (a constant matrix becomes all zeros). */
  static void normalise(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v;
    }
    double mean = sum / x.length;
    double sq = 0;
    for (float v : x) {
      sq += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(sq / x.length);
    double inv = std < 1e-8 ? 0 : 1 / std;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ((x[i] - mean) * inv);
    }
  }
}
