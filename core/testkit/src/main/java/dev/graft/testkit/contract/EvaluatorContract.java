package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Evaluator} satisfies: finite metrics with unique names on a well-formed
 * case of each task type it declares, the same metrics on every call, and a {@link GraftException}
 * when predictions and truth differ in size.
 */
public abstract class EvaluatorContract extends ExtensionContract<Evaluator> {

  private static Predictions probabilities() {
    return Predictions.ofProbabilities(
        new ProbabilityMatrix(
            FeatureMatrix.of(new double[][] {{0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}, {0.1, 0.9}})));
  }

  private static Predictions outputs(int rows) {
    double[][] v = new double[rows][2];
    for (int i = 0; i < rows; i++) {
      v[i][0] = i * 0.5;
      v[i][1] = 1 - i * 0.25;
    }
    return Predictions.ofOutputs(FeatureMatrix.of(v));
  }

  private static Targets truthFor(TaskType task, int rows) {
    if (task == TaskType.CLASSIFICATION) {
      return ClassLabels.of(new int[] {0, 1, 1, 1}, 2);
    }
    double[][] t = new double[rows][2];
    for (int i = 0; i < rows; i++) {
      t[i][0] = i % 2;
      t[i][1] = (i + 1) % 2;
    }
    return new RegressionTargets(FeatureMatrix.of(t));
  }

  private static Predictions predictionsFor(TaskType task, int rows) {
    return task == TaskType.CLASSIFICATION ? probabilities() : outputs(rows);
  }

  @Test
  void producesFiniteUniquelyNamedMetricsDeterministically() {
    for (TaskType task : extension().capabilities().tasks()) {
      List<Metric> first = extension().evaluate(predictionsFor(task, 4), truthFor(task, 4));
      List<Metric> second = extension().evaluate(predictionsFor(task, 4), truthFor(task, 4));
      assertFalse(first.isEmpty(), task + ": no metrics");
      assertEquals(first, second, task + ": metrics differ between identical calls");
      assertEquals(
          first.size(),
          first.stream().map(Metric::name).distinct().count(),
          task + ": duplicate metric names " + first);
      for (Metric m : first) {
        assertTrue(Double.isFinite(m.value()), task + ": " + m.name() + " = " + m.value());
      }
    }
  }

  @Test
  void rejectsSizeMismatch() {
    for (TaskType task : extension().capabilities().tasks()) {
      assertThrows(
          GraftException.class,
          () ->
              extension()
                  .evaluate(
                      predictionsFor(task, 4),
                      truthFor(task, 3).task() == TaskType.CLASSIFICATION
                          ? ClassLabels.of(new int[] {0, 1, 1}, 2)
                          : truthFor(task, 3)),
          task + ": predictions for 4 examples against 3 targets must fail");
    }
  }
}
