package dev.graft.engine.evaluate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.graft.api.error.ConfigException;
import org.junit.jupiter.api.Test;

class StudentTTest {

  @Test
  void criticalValuesMatchTheTextbookTable() {
    assertEquals(12.706, StudentT.twoSidedCritical(0.95, 1), 1e-3);
    assertEquals(2.776, StudentT.twoSidedCritical(0.95, 4), 1e-3);
    assertEquals(2.042, StudentT.twoSidedCritical(0.95, 30), 1e-3);
    assertEquals(1.960, StudentT.twoSidedCritical(0.95, 1e6), 1e-3);
    assertEquals(1.960, StudentT.twoSidedCritical(0.95, Double.POSITIVE_INFINITY), 1e-3);
  }

  @Test
  void quantilesMatchReferenceValuesToHighPrecision() {
    // References from scipy.stats.t.ppf (SciPy 1.17) and the normal quantile.
    assertEquals(12.706204736174694, StudentT.quantile(0.975, 1), 1e-9);
    assertEquals(4.302652729749462, StudentT.quantile(0.975, 2), 1e-9);
    assertEquals(2.7764451051977934, StudentT.quantile(0.975, 4), 1e-9);
    assertEquals(2.228138851986274, StudentT.quantile(0.975, 10), 1e-9);
    assertEquals(2.0422724563012378, StudentT.quantile(0.975, 30), 1e-9);
    assertEquals(1.9839715185235518, StudentT.quantile(0.975, 100), 1e-9);
    assertEquals(1.9623390808264083, StudentT.quantile(0.975, 1000), 1e-9);
    assertEquals(3.4994832973504924, StudentT.quantile(0.995, 7), 1e-9);
    assertEquals(1.637744353696209, StudentT.quantile(0.9, 3), 1e-9);
    assertEquals(164.55767348048818, StudentT.quantile(0.975, 0.5), 1e-6);
    assertEquals(1.959963984540054, StudentT.quantile(0.975, 1e12), 1e-9);
    assertEquals(1.959963984540054, StudentT.quantile(0.975, Double.POSITIVE_INFINITY), 1e-9);
  }

  @Test
  void quantilesHaveClosedFormsForOneAndTwoDegreesOfFreedom() {
    for (double p : new double[] {0.001, 0.1, 0.3, 0.5, 0.6, 0.9, 0.975, 0.9995}) {
      // df = 1 is the Cauchy distribution; df = 2 has t = (2p - 1) / sqrt(2 p (1 - p)).
      assertEquals(Math.tan(Math.PI * (p - 0.5)), StudentT.quantile(p, 1), 1e-9, "df=1 p=" + p);
      assertEquals(
          (2 * p - 1) / Math.sqrt(2 * p * (1 - p)), StudentT.quantile(p, 2), 1e-9, "df=2 p=" + p);
    }
  }

  @Test
  void cdfMatchesClosedFormsAndInvertsTheQuantile() {
    for (double t : new double[] {-30, -2, -0.5, 0, 0.7, 3, 100}) {
      assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13, "df=1 t=" + t);
      assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13, "df=2 t=" + t);
    }
    assertEquals(0.019410129136812764, StudentT.cdf(-2.5, 7.5), 1e-13);
    assertEquals(1.7190340394579253e-05, StudentT.survival(40, 3), 1e-15);
    for (double df : new double[] {1.5, 3, 12, 250}) {
      for (double p : new double[] {0.01, 0.2, 0.5, 0.8, 0.99}) {
        assertEquals(p, StudentT.cdf(StudentT.quantile(p, df), df), 1e-12, "df=" + df + " p=" + p);
        assertEquals(-StudentT.quantile(p, df), StudentT.quantile(1 - p, df), 1e-9);
      }
    }
  }

  @Test
  void rejectsOutOfRangeArguments() {
    assertThrows(ConfigException.class, () -> StudentT.quantile(1, 3));
    assertThrows(ConfigException.class, () -> StudentT.quantile(0.5, 0));
    assertThrows(ConfigException.class, () -> StudentT.twoSidedCritical(1.5, 3));
    assertThrows(ConfigException.class, () -> StudentT.cdf(Double.NaN, 3));
    assertThrows(ConfigException.class, () -> StudentT.cdf(1, Double.POSITIVE_INFINITY));
  }
}
