package dev.graft.speech.feature;

import dev.graft.api.error.InvalidInputException;
import dev.graft.speech.SpeechErrors;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every parameter of the spectral features a model takes; recorded in the model's input spec (see
 * {@link #toMap()}) so that serving computes exactly what training computed.
 *
 * <p>A clip of {@code n} samples gives {@code 1 + (n - frameLength) / hop} frames (no centring
 * padding). Each frame is multiplied by the periodic window, zero-padded to {@code nFft} and
 * transformed; the power spectrum ({@code |X_k|^2}, {@code k = 0..nFft/2}) is weighted by {@code
 * nMels} triangular filters with peak 1 whose centres are equally spaced on the HTK mel scale
 * ({@code 2595 log10(1 + f / 700)}) between {@code fmin} and {@code fmax}; the filter energies are
 * taken as {@code ln(max(e, logFloor))}. MFCCs are the orthonormal DCT-II of the log-mel vector,
 * first {@code nMfcc} coefficients. With {@code normalize = per-clip} each clip's feature matrix is
 * shifted and scaled to zero mean and unit variance.
 *
 * @param type log-mel or mfcc
 * @param sampleRate the audio rate the features are computed at, in Hz
 * @param window the analysis window
 * @param frameLength samples per frame
 * @param nFft FFT size, a power of two at least {@code frameLength}
 * @param hop samples between frame starts
 * @param nMels mel filters
 * @param fmin lowest filter edge in Hz
 * @param fmax highest filter edge in Hz, at most {@code sampleRate / 2}
 * @param logFloor the smallest energy before the logarithm, positive
 * @param nMfcc cepstral coefficients kept (used by mfcc), from 1 to {@code nMels}
 * @param normalize none or per-clip
 */
public record FeatureSpec(
    Type type,
    int sampleRate,
    Window window,
    int frameLength,
    int nFft,
    int hop,
    int nMels,
    double fmin,
    double fmax,
    double logFloor,
    int nMfcc,
    Normalize normalize) {

  /** The feature kinds. */
  public enum Type {
    /** Log mel-filter-bank energies. */
    LOG_MEL,
    /** Mel-frequency cepstral coefficients. */
    MFCC;

    /**
     * The spec value.
     *
     * @return {@code log-mel} or {@code mfcc}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Analysis windows (periodic forms, as for spectral analysis). */
  public enum Window {
    /** Hann: {@code 0.5 - 0.5 cos(2 pi n / N)}. */
    HANN,
    /** Hamming: {@code 0.54 - 0.46 cos(2 pi n / N)}. */
    HAMMING,
    /** No tapering. */
    RECTANGULAR;

    /**
     * The spec value.
     *
     * @return the lower-case name
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The window's values.
     *
     * @param length samples
     * @return the coefficients
     */
    public double[] coefficients(int length) {
      double[] w = new double[length];
      for (int n = 0; n < length; n++) {
        double c = Math.cos(2 * Math.PI * n / length);
        w[n] =
            switch (this) {
              case HANN -> 0.5 - 0.5 * c;
              case HAMMING -> 0.54 - 0.46 * c;
              case RECTANGULAR -> 1.0;
            };
      }
      return w;
    }
  }

  /** Per-clip normalisation. */
  public enum Normalize {
    /** The values as computed. */
    NONE,
    /** Zero mean and unit variance over each clip's feature matrix. */
    PER_CLIP;

    /**
     * The spec value.
     *
     * @return {@code none} or {@code per-clip}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Validates every parameter and their relations. */
  public FeatureSpec {
    require(type != null, "type", null, "log-mel or mfcc");
    require(window != null, "window", null, "hann, hamming or rectangular");
    require(normalize != null, "normalize", null, "none or per-clip");
    require(sampleRate >= 1000 && sampleRate <= 384_000, "sampleRate", sampleRate, "1000..384000");
    require(frameLength >= 16, "frameLength", frameLength, "16 or more samples");
    require(
        nFft >= frameLength && Integer.bitCount(nFft) == 1 && nFft <= 65_536,
        "nFft",
        nFft,
        "a power of two from frameLength (" + frameLength + ") to 65536");
    require(hop >= 1, "hop", hop, "1 or more samples");
    require(nMels >= 1 && nMels <= nFft / 2, "nMels", nMels, "1.." + nFft / 2);
    require(fmin >= 0 && fmin < fmax, "fmin", fmin, "from 0 to below fmax (" + fmax + ")");
    require(fmax <= sampleRate / 2.0, "fmax", fmax, "at most sampleRate / 2 = " + sampleRate / 2.0);
    require(logFloor > 0 && Double.isFinite(logFloor), "logFloor", logFloor, "a positive number");
    require(nMfcc >= 1 && nMfcc <= nMels, "nMfcc", nMfcc, "1..nMels (" + nMels + ")");
  }

  /**
   * The defaults for keyword spotting at 16 kHz: log-mel, Hann window of 480 samples (30 ms),
   * 512-point FFT, hop 320 (20 ms), 40 mel filters from 20 Hz to 7,600 Hz, floor 1e-6, 13 MFCCs
   * when switched to mfcc, per-clip normalisation. A 1 s clip gives 49 frames.
   *
   * @return the defaults
   */
  public static FeatureSpec defaults() {
    return new FeatureSpec(
        Type.LOG_MEL,
        16_000,
        Window.HANN,
        480,
        512,
        320,
        40,
        20.0,
        7600.0,
        1e-6,
        13,
        Normalize.PER_CLIP);
  }

  /**
   * The same spec with another type.
   *
   * @param newType log-mel or mfcc
   * @return the new spec
   */
  public FeatureSpec withType(Type newType) {
    return new FeatureSpec(
        newType,
        sampleRate,
        window,
        frameLength,
        nFft,
        hop,
        nMels,
        fmin,
        fmax,
        logFloor,
        nMfcc,
        normalize);
  }

  /**
   * The number of frames a clip gives.
   *
   * @param clipSamples samples in the clip
   * @return the frames
   * @throws InvalidInputException SPEECH-FEATURE-001 if the clip is shorter than one frame
   */
  public int frames(int clipSamples) {
    if (clipSamples < frameLength) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "a clip of "
              + clipSamples
              + " samples is shorter than one frame ("
              + frameLength
              + "); lengthen the clip or shorten frameLength.");
    }
    return 1 + (clipSamples - frameLength) / hop;
  }

  /**
   * Values per frame.
   *
   * @return {@code nMels} for log-mel, {@code nMfcc} for mfcc
   */
  public int bins() {
    return type == Type.MFCC ? nMfcc : nMels;
  }

  /**
   * The spec as an input-spec entry (JSON-friendly values).
   *
   * @return the map
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type.id());
    m.put("sampleRate", sampleRate);
    m.put("window", window.id());
    m.put("frameLength", frameLength);
    m.put("nFft", nFft);
    m.put("hop", hop);
    m.put("nMels", nMels);
    m.put("fmin", fmin);
    m.put("fmax", fmax);
    m.put("logFloor", logFloor);
    m.put("nMfcc", nMfcc);
    m.put("normalize", normalize.id());
    m.put("melScale", "htk");
    m.put("power", 2.0);
    return m;
  }

  /**
   * Reads a spec written by {@link #toMap()}; absent entries take the defaults.
   *
   * @param map the entry (may be {@code null}: the defaults)
   * @return the spec
   * @throws InvalidInputException SPEECH-FEATURE-001 for a bad value
   */
  public static FeatureSpec fromMap(Map<?, ?> map) {
    FeatureSpec d = defaults();
    if (map == null) {
      return d;
    }
    return new FeatureSpec(
        enumValue(Type.class, map.get("type"), d.type),
        intValue(map, "sampleRate", d.sampleRate),
        enumValue(Window.class, map.get("window"), d.window),
        intValue(map, "frameLength", d.frameLength),
        intValue(map, "nFft", d.nFft),
        intValue(map, "hop", d.hop),
        intValue(map, "nMels", d.nMels),
        doubleValue(map, "fmin", d.fmin),
        doubleValue(map, "fmax", d.fmax),
        doubleValue(map, "logFloor", d.logFloor),
        intValue(map, "nMfcc", d.nMfcc),
        enumValue(Normalize.class, map.get("normalize"), d.normalize));
  }

  static int intValue(Map<?, ?> map, String key, int fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "feature setting '" + key + "' is '" + v + "'; it must be an integer.");
    }
  }

  static double doubleValue(Map<?, ?> map, String key, double fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "feature setting '" + key + "' is '" + v + "'; it must be a number.");
    }
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, Object v, E fallback) {
    if (v == null) {
      return fallback;
    }
    String s = v.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ");
      allowed.append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new InvalidInputException(
        SpeechErrors.INVALID_FEATURE_SPEC,
        "feature setting '" + v + "' is not one of " + allowed + ".");
  }

  private static void require(boolean ok, String field, Object value, String expectation) {
    if (!ok) {
      throw new InvalidInputException(
          SpeechErrors.INVALID_FEATURE_SPEC,
          "feature setting '" + field + "' is " + value + "; it must be " + expectation + ".");
    }
  }
}
