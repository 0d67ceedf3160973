package dev.graft.speech.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.InvalidInputException;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.TestAudio;
import dev.graft.speech.feature.FeatureSpec.Normalize;
import dev.graft.speech.feature.FeatureSpec.Type;
import dev.graft.speech.feature.FeatureSpec.Window;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureExtractorTest {

  private static FeatureSpec raw(Type type) {
    return new FeatureSpec(
        type, 16_000, Window.HANN, 400, 512, 160, 40, 0, 8000, 1e-10, 13, Normalize.NONE);
  }

  @Test
  void parsevalHoldsForAnFftFrame() {
    SplittableRandom r = new SplittableRandom(3);
    double[] frame = new double[512];
    double time = 0;
    for (int i = 0; i < frame.length; i++) {
      frame[i] = r.nextDouble(-1, 1);
      time += frame[i] * frame[i];
    }
    org.apache.commons.math3.complex.Complex[] x = PowerSpectrum.spectrum(frame.clone());
    double freq = 0;
    for (var c : x) {
      freq += c.abs() * c.abs();
    }
    assertEquals(time, freq / frame.length, 1e-9 * time);
    // the one-sided power spectrum counts the inner bins twice
    double[] p = PowerSpectrum.power(frame);
    assertEquals(257, p.length);
    double oneSided = p[0] + p[256];
    for (int k = 1; k < 256; k++) {
      oneSided += 2 * p[k];
    }
    assertEquals(time, oneSided / frame.length, 1e-9 * time);
  }

  @Test
  void aBinCentredToneHasTheExpectedPower() {
    // a rectangular-windowed cosine at bin 32 of 512: |X_32| = A * N / 2
    double[] frame = new double[512];
    for (int i = 0; i < 512; i++) {
      frame[i] = 0.5 * Math.cos(2 * Math.PI * 32 * i / 512);
    }
    double[] p = PowerSpectrum.power(frame);
    assertEquals(Math.pow(0.5 * 512 / 2, 2), p[32], 1e-6);
    assertEquals(0, p[31], 1e-12);
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(doubles = {300, 1000, 2500, 6000})
  void aPureTonesEnergyLandsInTheMelBandThatCoversItsFrequency(double hz) {
    FeatureSpec spec = raw(Type.LOG_MEL);
    FeatureExtractor fx = new FeatureExtractor(spec);
    float[] x = TestAudio.tone(hz, 0.5, 16_000, 16_000);
    float[] f = fx.extract(x);
    int frames = spec.frames(x.length);
    assertEquals(98, frames);
    // independently: which filter has the largest weight at the tone's frequency?
    MelFilterBank bank = fx.melFilterBank();
    double mel = MelFilterBank.hzToMel(hz);
    double step = (MelFilterBank.hzToMel(8000) - MelFilterBank.hzToMel(0)) / 41;
    int expected = (int) Math.round(mel / step) - 1; // filter m peaks at mel point m + 1
    for (int t = 0; t < frames; t++) {
      int best = 0;
      for (int m = 1; m < 40; m++) {
        if (f[t * 40 + m] > f[t * 40 + best]) {
          best = m;
        }
      }
      assertTrue(
          Math.abs(best - expected) <= 0, "frame " + t + ": band " + best + " not " + expected);
    }
    assertTrue(Math.abs(bank.centre(expected) - hz) < MelFilterBank.melToHz(mel + step) - hz);
  }

  @Test
  void theToneBandsEnergyMatchesTheWindowedPowerSpectrum() {
    // a 1 kHz tone, amplitude A, Hann window of L samples: the peak bin power is (A L / 4)^2
    // when the tone sits on a bin; 1000 Hz is bin 32 of 512 at 16 kHz
    FeatureSpec spec =
        new FeatureSpec(
            Type.LOG_MEL,
            16_000,
            Window.HANN,
            512,
            512,
            256,
            40,
            0,
            8000,
            1e-10,
            13,
            Normalize.NONE);
    FeatureExtractor fx = new FeatureExtractor(spec);
    float[] x = TestAudio.tone(1000, 0.5, 16_000, 4096);
    double[] energies = fx.melEnergies(x);
    double expected = 0;
    double peak = Math.pow(0.5 * 512 / 4, 2);
    // the Hann window spreads the tone over bins 31, 32, 33 with powers peak/4, peak, peak/4
    MelFilterBank bank = fx.melFilterBank();
    int m = 0;
    for (int i = 1; i < 40; i++) {
      if (bank.weight(i, 32) > bank.weight(m, 32)) {
        m = i;
      }
    }
    expected = peak * bank.weight(m, 32) + peak / 4 * (bank.weight(m, 31) + bank.weight(m, 33));
    assertEquals(expected, energies[m], expected * 1e-3);
  }

  @Test
  void mfccsAreTheOrthonormalDctOfTheLogMelVector() {
    float[] x = TestAudio.tone(700, 0.3, 16_000, 8000);
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] += (float) r.nextDouble(-0.05, 0.05);
    }
    float[] logMel = new FeatureExtractor(raw(Type.LOG_MEL)).extract(x);
    float[] mfcc = new FeatureExtractor(raw(Type.MFCC)).extract(x);
    int frames = raw(Type.MFCC).frames(x.length);
    assertEquals(frames * 13, mfcc.length);
    for (int t = 0; t < frames; t += 7) {
      for (int j = 0; j < 13; j++) {
        // direct DCT-II with orthonormal scaling, written out here
        double sum = 0;
        for (int m = 0; m < 40; m++) {
          sum += logMel[t * 40 + m] * Math.cos(Math.PI / 40 * (m + 0.5) * j);
        }
        double c = sum * (j == 0 ? Math.sqrt(1.0 / 40) : Math.sqrt(2.0 / 40));
        assertEquals(c, mfcc[t * 13 + j], 1e-3 + 1e-5 * Math.abs(c), "frame " + t + " coef " + j);
      }
    }
    // orthonormal: the DCT matrix times its transpose is the identity (all 40 rows)
    double[][] d = FeatureExtractor.dctMatrix(40, 40);
    for (int a = 0; a < 40; a++) {
      for (int b = 0; b < 40; b++) {
        double dot = 0;
        for (int m = 0; m < 40; m++) {
          dot += d[a][m] * d[b][m];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-12);
      }
    }
  }

  @Test
  void silenceHitsTheLogFloorAndPerClipNormalisationCentres() {
    FeatureSpec spec = raw(Type.LOG_MEL);
    float[] f = new FeatureExtractor(spec).extract(new float[4000]);
    for (float v : f) {
      assertEquals(Math.log(1e-10), v, 1e-4);
    }
    FeatureSpec norm = FeatureSpec.defaults();
    float[] g = new FeatureExtractor(norm).extract(TestAudio.tone(440, 0.5, 16_000, 16_000));
    assertEquals(49 * 40, g.length);
    double mean = 0;
    double sq = 0;
    for (float v : g) {
      mean += v;
      sq += v * v;
    }
    assertEquals(0, mean / g.length, 1e-5);
    assertEquals(1, sq / g.length, 1e-3);
  }

  @Test
  void specsRoundTripAndRejectBadValues() {
    FeatureSpec d = FeatureSpec.defaults().withType(Type.MFCC);
    assertEquals(d, FeatureSpec.fromMap(d.toMap()));
    assertEquals(FeatureSpec.defaults(), FeatureSpec.fromMap(null));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                new FeatureSpec(
                    Type.LOG_MEL,
                    16_000,
                    Window.HANN,
                    480,
                    400,
                    160,
                    40,
                    20,
                    7600,
                    1e-6,
                    13,
                    Normalize.NONE));
    assertEquals(SpeechErrors.INVALID_FEATURE_SPEC, e.errorId());
    assertTrue(e.getMessage().contains("'nFft' is 400"), e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () ->
            new FeatureSpec(
                Type.LOG_MEL,
                16_000,
                Window.HANN,
                480,
                512,
                160,
                40,
                20,
                9000,
                1e-6,
                13,
                Normalize.NONE));
    assertThrows(InvalidInputException.class, () -> FeatureSpec.defaults().frames(100));
    assertThrows(
        InvalidInputException.class,
        () -> FeatureSpec.fromMap(java.util.Map.of("window", "kaiser")));
  }
}
