package dev.graft.engine.evaluate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

  @Test
  void runsEverySeedAndSummarisesEachMetric() {
    RunResults r =
        RepeatedRuns.run(
            RepeatedRuns.seeds(10, 5),
            seed ->
                List.of(
                    Metric.of("accuracy", (seed - 9) / 10.0, true), Metric.of("ece", 0.1, false)));
    assertArrayEquals(new long[] {10, 11, 12, 13, 14}, r.keys());
    assertEquals(List.of("accuracy", "ece"), r.metricNames());
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, r.values("accuracy"), 1e-15);
    List<Metric> summaries = r.summaries();
    assertEquals(0.3, summaries.get(0).value(), 1e-12);
    // sd = sqrt(2.5) / 10, t(0.975, 4) = 2.7764451
    double half = 2.7764451051977934 * Math.sqrt(2.5) / 10 / Math.sqrt(5);
    assertEquals(0.3 - half, summaries.get(0).lower().getAsDouble(), 1e-9);
    assertEquals(0.3 + half, summaries.get(0).upper().getAsDouble(), 1e-9);
    assertFalse(summaries.get(1).higherIsBetter());
    assertEquals(0.1, r.value("ece", 12), 1e-15);
  }

  @Test
  void rejectsRunsThatReportDifferentMetrics() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                RepeatedRuns.run(
                    new long[] {1, 2},
                    seed ->
                        seed == 1
                            ? List.of(Metric.of("accuracy", 0.5, true))
                            : List.of(Metric.of("macro-f1", 0.5, true))));
    assertEquals(GraftErrors.SIZE_MISMATCH, e.errorId());
    assertTrue(e.getMessage().contains("run 2 reports metrics [macro-f1]"), e.getMessage());
    assertThrows(
        InvalidInputException.class,
        () -> RepeatedRuns.run(new long[] {3, 3}, seed -> List.of(Metric.of("a", 1, true))));
    assertThrows(
        InvalidInputException.class,
        () ->
            RunResults.of(new long[] {1}, List.of(List.of(Metric.of("a", 1, true)))).summary("b"));
  }

  @Test
  void stratifiedCrossValidationTestsEveryExampleOnceAndKeysRunsByFold() {
    ClassLabels labels = ClassLabels.of(0, 0, 0, 1, 1, 1, 0, 1, 0, 1);
    int[] tested = new int[labels.size()];
    RunResults r =
        CrossValidation.stratified(
            labels,
            5,
            42,
            (split, fold) -> {
              for (int i : split.test()) {
                tested[i]++;
              }
              assertEquals(8, split.trainSize());
              return List.of(Metric.of("fold", fold, true));
            });
    assertArrayEquals(new long[] {0, 1, 2, 3, 4}, r.keys());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, r.values("fold"), 0);
    for (int count : tested) {
      assertEquals(1, count);
    }
    RunResults plain =
        CrossValidation.plain(
            6, 3, 1, (split, fold) -> List.of(Metric.of("n", split.testSize(), true)));
    assertArrayEquals(new double[] {2, 2, 2}, plain.values("n"), 0);
  }
}
