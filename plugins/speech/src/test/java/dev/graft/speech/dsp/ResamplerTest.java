package dev.graft.speech.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.speech.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

  /** The amplitude of a frequency in x (least squares fit of sin and cos), away from the ends. */
  static double amplitudeAt(float[] x, double hz, int rate, int margin) {
    double ss = 0;
    double cc = 0;
    double sc = 0;
    double xs = 0;
    double xc = 0;
    for (int i = margin; i < x.length - margin; i++) {
      double s = Math.sin(2 * Math.PI * hz * i / rate);
      double c = Math.cos(2 * Math.PI * hz * i / rate);
      ss += s * s;
      cc += c * c;
      sc += s * c;
      xs += x[i] * s;
      xc += x[i] * c;
    }
    double det = ss * cc - sc * sc;
    double a = (xs * cc - xc * sc) / det;
    double b = (xc * ss - xs * sc) / det;
    return Math.hypot(a, b);
  }

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({
    "44100, 16000",
    "48000, 16000",
    "8000, 16000",
    "22050, 16000",
    "16000, 11025",
    "44101, 16000"
  })
  void aToneInTheCommonBandComesOutAsTheSameToneAtTheNewRate(int in, int out) {
    double hz = 1000;
    float[] x = TestAudio.tone(hz, 0.5, in, in / 2);
    float[] y = Resampler.resample(x, in, out);
    assertEquals((int) Math.ceil(x.length * (double) out / in), y.length);
    // sample by sample against the ideal tone at the new rate, away from the zero-padded ends
    int margin = out / 50;
    double maxError = 0;
    for (int i = margin; i < y.length - margin; i++) {
      double ideal = 0.5 * Math.sin(2 * Math.PI * hz * i / out);
      maxError = Math.max(maxError, Math.abs(y[i] - ideal));
    }
    assertTrue(maxError < 2e-3, "max error " + maxError);
  }

  @Test
  void contentAboveTheNewNyquistFrequencyIsRemovedNotAliased() {
    // 12 kHz at 48 kHz: naive decimation by 3 would fold it onto 4 kHz at full amplitude
    float[] x = TestAudio.tone(12_000, 0.5, 48_000, 24_000);
    float[] y = Resampler.resample(x, 48_000, 16_000);
    double aliased = amplitudeAt(y, 4_000, 16_000, 400);
    double naive = 0;
    float[] decimated = new float[x.length / 3];
    for (int i = 0; i < decimated.length; i++) {
      decimated[i] = x[3 * i];
    }
    naive = amplitudeAt(decimated, 4_000, 16_000, 400);
    assertTrue(naive > 0.45, "the test signal does alias under naive decimation: " + naive);
    double db = 20 * Math.log10(aliased / 0.5);
    assertTrue(db < -70, "alias at " + db + " dB");
    // just inside the pass band (7 kHz of 8) survives almost unchanged
    float[] near = Resampler.resample(TestAudio.tone(7_000, 0.5, 48_000, 24_000), 48_000, 16_000);
    assertEquals(0.5, amplitudeAt(near, 7_000, 16_000, 400), 0.01);
  }

  @Test
  void aConstantStaysConstantAndEqualRatesCopy() {
    float[] dc = new float[4410];
    java.util.Arrays.fill(dc, 0.3f);
    float[] y = Resampler.resample(dc, 44_100, 16_000);
    for (int i = 100; i < y.length - 100; i++) {
      assertEquals(0.3f, y[i], 1e-5f);
    }
    float[] x = {0.1f, 0.2f};
    float[] same = Resampler.resample(x, 16_000, 16_000);
    assertArrayEquals(x, same);
    same[0] = 1f;
    assertEquals(0.1f, x[0]);
    assertSame(Resampler.of(44_100, 16_000), Resampler.of(44_100, 16_000));
  }

  @Test
  void theBesselFunctionMatchesKnownValues() {
    assertEquals(1.0, Resampler.bessel0(0), 1e-15);
    assertEquals(1.2660658777520082, Resampler.bessel0(1), 1e-13);
    assertEquals(2815.716628466254, Resampler.bessel0(10), 1e-8);
  }
}
