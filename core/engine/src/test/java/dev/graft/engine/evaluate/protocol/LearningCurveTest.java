package dev.graft.engine.evaluate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.ConfigException;
import dev.graft.api.evaluate.Metric;
import dev.graft.engine.evaluate.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

  @Test
  void runsEveryBudgetWithEverySeedAndSummarisesPerBudget() {
    List<String> calls = new ArrayList<>();
    LearningCurve curve =
        LearningCurve.run(
            new int[] {1, 5, 10},
            new long[] {7, 8},
            (budget, seed) -> {
              calls.add(budget + "/" + seed);
              return List.of(Metric.of("accuracy", budget / 100.0 + (seed - 7) * 0.02, true));
            });
    assertEquals(List.of("1/7", "1/8", "5/7", "5/8", "10/7", "10/8"), calls);
    assertArrayEquals(new int[] {1, 5, 10}, curve.budgets());
    List<Summary> accuracy = curve.summaries("accuracy");
    assertEquals(0.02, accuracy.get(0).mean(), 1e-12);
    assertEquals(0.06, accuracy.get(1).mean(), 1e-12);
    assertEquals(0.11, accuracy.get(2).mean(), 1e-12);
    assertEquals(2, curve.at(5).runs());
    assertEquals(0.06, curve.points().get(1).summaries().get(0).value(), 1e-12);
  }

  @Test
  void labelsPerClassHandsEachRunExactlyBudgetLabelsPerClass() {
    ClassLabels labels = ClassLabels.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    LearningCurve curve =
        LearningCurve.run(
            new int[] {1, 3, 5},
            RepeatedRuns.seeds(0, 3),
            BudgetRun.labelsPerClass(
                labels,
                (split, budget, seed) -> {
                  assertEquals(Splits.kPerClass(labels, budget, seed), split);
                  return List.of(Metric.of("train", split.trainSize(), true));
                }));
    assertEquals(2, curve.summaries("train").get(0).mean());
    assertEquals(6, curve.summaries("train").get(1).mean());
    assertEquals(10, curve.summaries("train").get(2).mean());
  }

  @Test
  void rejectsBudgetsThatAreNotPositiveAndIncreasing() {
    BudgetRun run = (budget, seed) -> List.of(Metric.of("a", 1, true));
    assertThrows(
        ConfigException.class, () -> LearningCurve.run(new int[] {5, 1}, new long[] {1}, run));
    assertThrows(
        ConfigException.class, () -> LearningCurve.run(new int[] {0}, new long[] {1}, run));
    assertThrows(ConfigException.class, () -> LearningCurve.run(new int[] {}, new long[] {1}, run));
    assertThrows(ConfigException.class, () -> LearningCurve.run(new int[] {1}, new long[] {}, run));
    LearningCurve curve = LearningCurve.run(new int[] {1}, new long[] {1}, run);
    assertThrows(ConfigException.class, () -> curve.at(2));
  }
}
