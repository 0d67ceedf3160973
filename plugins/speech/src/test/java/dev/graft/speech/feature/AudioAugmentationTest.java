package dev.graft.speech.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.speech.TestAudio;
import dev.graft.speech.dsp.NoiseGenerator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AudioAugmentationTest {

  @Test
  void theSameSeedGivesTheSameClipAndAnotherSeedAnother() {
    AudioAugmentation a = AudioAugmentation.defaults();
    float[] x = TestAudio.tone(500, 0.5, 16_000, 16_000);
    float[] one = a.waveform(x, 16_000, new SplittableRandom(AudioAugmentation.seedFor(1, 0)));
    float[] same = a.waveform(x, 16_000, new SplittableRandom(AudioAugmentation.seedFor(1, 0)));
    float[] other = a.waveform(x, 16_000, new SplittableRandom(AudioAugmentation.seedFor(1, 1)));
    assertArrayEquals(one, same);
    assertFalse(java.util.Arrays.equals(one, other));
    assertTrue(AudioAugmentation.none().isIdentity());
    assertArrayEquals(x, AudioAugmentation.none().waveform(x, 16_000, new SplittableRandom(1)));
  }

  @Test
  void noiseIsMixedAtTheRequestedSignalToNoiseRatio() {
    float[] x = TestAudio.tone(500, 0.5, 16_000, 16_000);
    for (NoiseGenerator.Colour c : NoiseGenerator.Colour.values()) {
      float[] noise = NoiseGenerator.generate(c, x.length, new SplittableRandom(9));
      assertEquals(0, NoiseGenerator.rmsDb(noise), 1e-6, c + " noise has unit RMS");
      float[] mixed = NoiseGenerator.mix(x, noise, 10);
      float[] diff = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        diff[i] = mixed[i] - x[i];
      }
      assertEquals(10, NoiseGenerator.rmsDb(x) - NoiseGenerator.rmsDb(diff), 1e-3, c.id());
    }
    // only noise: SNR range [20, 20], no shift or gain
    AudioAugmentation onlyNoise = new AudioAugmentation(0, 0, 1, 20, 20, 0, 0, 0, 0);
    float[] y = onlyNoise.waveform(x, 16_000, new SplittableRandom(4));
    float[] d = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = y[i] - x[i];
    }
    assertEquals(20, NoiseGenerator.rmsDb(x) - NoiseGenerator.rmsDb(d), 1e-3);
  }

  @Test
  void pinkNoiseHasLessPowerPerHertzAtHighFrequencies() {
    float[] pink =
        NoiseGenerator.generate(NoiseGenerator.Colour.PINK, 1 << 15, new SplittableRandom(2));
    double low = 0;
    double high = 0;
    for (int start = 0; start + 1024 <= pink.length; start += 1024) {
      double[] frame = new double[1024];
      for (int i = 0; i < 1024; i++) {
        frame[i] = pink[start + i];
      }
      double[] p = PowerSpectrum.power(frame);
      for (int k = 8; k < 16; k++) {
        low += p[k];
      }
      for (int k = 256; k < 264; k++) {
        high += p[k];
      }
    }
    // 1/f: bins 32x higher have 1/32 the power, 15 dB; allow for the filter's approximation
    double db = 10 * Math.log10(low / high);
    assertTrue(db > 11 && db < 19, "pink slope " + db + " dB over 5 octaves");
  }

  @Test
  void masksSetWholeBandsToTheMean() {
    AudioAugmentation a = new AudioAugmentation(0, 0, 0, 0, 0, 1, 3, 1, 2);
    int frames = 10;
    int bins = 8;
    float[] f = new float[frames * bins];
    for (int i = 0; i < f.length; i++) {
      f[i] = i;
    }
    float mean = (f.length - 1) / 2f;
    boolean sawMask = false;
    for (long seed = 0; seed < 20; seed++) {
      float[] g = f.clone();
      a.mask(g, frames, bins, new SplittableRandom(seed));
      int changed = 0;
      for (int i = 0; i < g.length; i++) {
        if (g[i] != f[i]) {
          assertEquals(mean, g[i]);
          changed++;
        }
      }
      // at most 3 full frames plus 2 full bins
      assertTrue(changed <= 3 * bins + 2 * frames);
      sawMask |= changed > 0;
    }
    assertTrue(sawMask);
    assertEquals(a, AudioAugmentation.fromMap(a.toMap()));
  }
}
