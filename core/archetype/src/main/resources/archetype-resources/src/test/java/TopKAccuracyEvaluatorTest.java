package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Predictions;
import dev.graft.testkit.contract.EvaluatorContract;
import org.junit.jupiter.api.Test;

/** The evaluator passes the testkit's evaluator contract and counts top-2 hits. */
class TopKAccuracyEvaluatorTest extends EvaluatorContract {

  @Override
  protected Evaluator extension() {
    return new TopKAccuracyEvaluator();
  }

  @Test
  void countsTheTrueClassAmongTheTwoMostProbable() {
    Predictions p =
        Predictions.ofProbabilities(
            new ProbabilityMatrix(
                FeatureMatrix.of(
                    new double[][] {{0.5, 0.3, 0.2}, {0.5, 0.3, 0.2}, {0.1, 0.2, 0.7}})));
    // row 0: class 1 is second (hit); row 1: class 2 is third (miss); row 2: class 2 first (hit)
    double value =
        new TopKAccuracyEvaluator().evaluate(p, ClassLabels.of(new int[] {1, 2, 2}, 3)).get(0).value();
    assertEquals(2.0 / 3, value, 1e-12);
  }
}
