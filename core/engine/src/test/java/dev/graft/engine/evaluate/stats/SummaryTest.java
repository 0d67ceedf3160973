package dev.graft.engine.evaluate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void meanSampleStandardDeviationAndTIntervalByHand() {
    // Mean 3; squared deviations 4+1+0+1+4 = 10, so sd = sqrt(10/4); half-width t(0.975, 4) sd/√5.
    Summary s = Summary.of(1, 2, 3, 4, 5);
    assertEquals(5, s.n());
    assertEquals(3.0, s.mean(), 1e-15);
    assertEquals(Math.sqrt(2.5), s.standardDeviation(), 1e-15);
    // scipy.stats.t.interval(0.95, 4, loc=3, scale=sem) = (1.0367568385224428, 4.963243161477557)
    assertEquals(1.0367568385224428, s.lower(), 1e-9);
    assertEquals(4.963243161477557, s.upper(), 1e-9);
    assertTrue(s.excludes(0));
    assertFalse(s.excludes(3));
  }

  @Test
  void theMetricCarriesTheInterval() {
    Metric m = Summary.of(0.8, 0.9).toMetric("accuracy", true);
    assertEquals(0.85, m.value(), 1e-15);
    assertTrue(m.lower().isPresent() && m.upper().isPresent());
    assertEquals(0.85 - 12.706204736174694 * 0.05, m.lower().getAsDouble(), 1e-9);
  }

  @Test
  void aSingleMeasurementHasNoInterval() {
    Summary s = Summary.of(0.7);
    assertFalse(s.hasInterval());
    assertTrue(Double.isNaN(s.standardDeviation()));
    assertFalse(s.excludes(0));
    assertTrue(s.toMetric("accuracy", true).lower().isEmpty());
  }

  @Test
  void rejectsEmptyAndNonFiniteMeasurements() {
    InvalidInputException empty = assertThrows(InvalidInputException.class, () -> Summary.of());
    assertEquals(GraftErrors.EMPTY_INPUT, empty.errorId());
    InvalidInputException nan =
        assertThrows(InvalidInputException.class, () -> Summary.of(1, Double.NaN, 3));
    assertEquals(GraftErrors.NON_FINITE_VALUE, nan.errorId());
    assertTrue(nan.getMessage().contains("measurement 1 of 3 is NaN"), nan.getMessage());
  }
}
