package dev.graft.engine.evaluate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.engine.evaluate.protocol.PairedDifference.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  private static final double[] A = {0.80, 0.82, 0.78, 0.85, 0.81};
  private static final double[] GAP = {0.05, 0.03, 0.04, 0.06, 0.02};

  private static double[] minus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  @Test
  void meanDifferenceAndTIntervalByHand() {
    // Differences 0.05 0.03 0.04 0.06 0.02: mean 0.04, sd sqrt(0.001 / 4) = 0.0158114,
    // half-width t(0.975, 4) * sd / sqrt(5) = 2.7764451 * 0.00707107 = 0.0196324.
    PairedDifference d = PairedComparison.compare(A, minus(A, GAP), true);
    assertEquals(5, d.n());
    assertEquals(0.04, d.meanDifference(), 1e-12);
    double half = 2.7764451051977934 * Math.sqrt(0.001 / 4) / Math.sqrt(5);
    assertEquals(0.04 - half, d.lower(), 1e-9);
    assertEquals(0.04 + half, d.upper(), 1e-9);
    assertTrue(d.excludesZero());
    assertEquals(Verdict.A_BETTER, d.verdict());
    // scipy.stats.ttest_1samp(differences, 0).pvalue
    assertEquals(0.004812678330044224, d.pValue(), 1e-9);
  }

  @Test
  void theVerdictFollowsTheMetricsDirection() {
    assertEquals(Verdict.B_BETTER, PairedComparison.compare(A, minus(A, GAP), false).verdict());
    assertEquals(Verdict.B_BETTER, PairedComparison.compare(minus(A, GAP), A, true).verdict());
  }

  @Test
  void overlappingDifferencesAreNotSignificantAndOneRunIsUndetermined() {
    PairedDifference d =
        PairedComparison.compare(
            new double[] {0.8, 0.7, 0.9}, new double[] {0.75, 0.78, 0.85}, true);
    assertFalse(d.excludesZero());
    assertEquals(Verdict.NOT_SIGNIFICANT, d.verdict());
    assertTrue(d.pValue() > 0.05);

    PairedDifference single =
        PairedComparison.compare(new double[] {0.9}, new double[] {0.1}, true);
    assertEquals(Verdict.UNDETERMINED, single.verdict());
    assertTrue(Double.isNaN(single.pValue()));
  }

  @Test
  void runResultsArePairedByKeyNotByPosition() {
    RunResults a =
        RunResults.of(
            new long[] {1, 2, 3},
            List.of(
                List.of(Metric.of("accuracy", 0.9, true)),
                List.of(Metric.of("accuracy", 0.8, true)),
                List.of(Metric.of("accuracy", 0.7, true))));
    RunResults b =
        RunResults.of(
            new long[] {3, 1, 2},
            List.of(
                List.of(Metric.of("accuracy", 0.6, true)),
                List.of(Metric.of("accuracy", 0.8, true)),
                List.of(Metric.of("accuracy", 0.7, true))));
    PairedDifference d = PairedComparison.compare(a, b, "accuracy");
    assertEquals(0.1, d.meanDifference(), 1e-12);
    assertEquals(0, d.differences().standardDeviation(), 1e-12);
    assertEquals(Verdict.A_BETTER, d.verdict());
  }

  @Test
  void rejectsUnpairedInputs() {
    InvalidInputException lengths =
        assertThrows(
            InvalidInputException.class,
            () -> PairedComparison.compare(new double[] {1, 2}, new double[] {1}, true));
    assertEquals(GraftErrors.SIZE_MISMATCH, lengths.errorId());

    RunResults a = RunResults.of(new long[] {1}, List.of(List.of(Metric.of("mae", 1, false))));
    RunResults b = RunResults.of(new long[] {2}, List.of(List.of(Metric.of("mae", 1, false))));
    InvalidInputException keys =
        assertThrows(InvalidInputException.class, () -> PairedComparison.compare(a, b, "mae"));
    assertTrue(keys.getMessage().contains("[1]") && keys.getMessage().contains("[2]"));
    assertThrows(InvalidInputException.class, () -> PairedComparison.compare(a, a, "rmse"));
    assertThrows(
        InvalidInputException.class,
        () -> PairedComparison.compare(new double[] {Double.NaN}, new double[] {1}, true));
  }
}
