package dev.graft.engine.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values from {@code scipy.stats.weightedtau(x, y)} (SciPy 1.17, defaults). */
class WeightedKendallTauTest {

  @Test
  void matchesScipy() {
    assertEquals(
        1.0,
        WeightedKendallTau.of(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 5}),
        1e-15);
    assertEquals(
        -1.0,
        WeightedKendallTau.of(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1}),
        1e-15);
    assertEquals(
        0.6204081632653061,
        WeightedKendallTau.of(
            new double[] {0.3, 0.1, 0.9, 0.5, 0.7, 0.2},
            new double[] {0.25, 0.3, 0.8, 0.4, 0.9, 0.1}),
        1e-15);
    assertEquals(
        0.5826559056982559,
        WeightedKendallTau.of(new double[] {1, 1, 2, 3, 3, 4}, new double[] {2, 1, 2, 5, 3, 3}),
        1e-15);
    assertEquals(
        -0.23079567874646117,
        WeightedKendallTau.of(
            new double[] {10, -2, 3.5, 3.5, 0, 7, 1}, new double[] {1, 2, 3, 4, 5, 6, 7}),
        1e-15);
  }

  @Test
  void constantInputGivesNaN() {
    assertTrue(Double.isNaN(WeightedKendallTau.of(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
  }
}
