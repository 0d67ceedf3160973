package dev.graft.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegressionEvaluatorTest {

  private static final double EPS = 1e-12;

  private static Map<String, Double> evaluate(double[] predicted, double[] truth) {
    double[][] rows = new double[predicted.length][];
    for (int i = 0; i < predicted.length; i++) {
      rows[i] = new double[] {predicted[i]};
    }
    List<Metric> metrics =
        new RegressionEvaluator()
            .evaluate(Predictions.ofOutputs(FeatureMatrix.of(rows)), RegressionTargets.of(truth));
    return metrics.stream().collect(Collectors.toMap(Metric::name, Metric::value));
  }

  @Test
  void rmseMaeAndR2MatchHandComputedValues() {
    // Errors 0, 1, -1, 2: squared sum 6, absolute sum 4; mean 2.5 so SS_tot = 5.
    Map<String, Double> m = evaluate(new double[] {1, 3, 2, 6}, new double[] {1, 2, 3, 4});
    assertEquals(Math.sqrt(6.0 / 4), m.get("rmse"), EPS);
    assertEquals(1.0, m.get("mae"), EPS);
    assertEquals(1 - 6.0 / 5, m.get("r2"), EPS);
  }

  @Test
  void r2IsZeroForPredictingTheMeanAndOneForExactPredictions() {
    Map<String, Double> mean =
        evaluate(new double[] {2.5, 2.5, 2.5, 2.5}, new double[] {1, 2, 3, 4});
    assertEquals(0.0, mean.get("r2"), EPS);
    assertEquals(Math.sqrt(5.0 / 4), mean.get("rmse"), EPS);
    Map<String, Double> exact = evaluate(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
    assertEquals(1.0, exact.get("r2"), EPS);
    assertEquals(0.0, exact.get("rmse"), EPS);
  }

  @Test
  void constantTargetsFollowScikitLearnsConvention() {
    assertEquals(1.0, evaluate(new double[] {2, 2}, new double[] {2, 2}).get("r2"));
    assertEquals(0.0, evaluate(new double[] {1, 3}, new double[] {2, 2}).get("r2"));
  }

  @Test
  void multiOutputR2AveragesTheColumnsAndErrorsPoolAllCells() {
    // Column 0 exact (R² 1), column 1 the column mean (R² 0).
    FeatureMatrix truth = FeatureMatrix.of(new double[][] {{1, 0}, {2, 2}});
    FeatureMatrix predicted = FeatureMatrix.of(new double[][] {{1, 1}, {2, 1}});
    Map<String, Double> m =
        new RegressionEvaluator()
            .evaluate(Predictions.ofOutputs(predicted), new RegressionTargets(truth)).stream()
                .collect(Collectors.toMap(Metric::name, Metric::value));
    assertEquals(0.5, m.get("r2"), EPS);
    assertEquals(Math.sqrt(2.0 / 4), m.get("rmse"), EPS);
    assertEquals(2.0 / 4, m.get("mae"), EPS);
  }

  @Test
  void rejectsMismatchedShapesNonFinitePredictionsAndClassLabels() {
    RegressionEvaluator evaluator = new RegressionEvaluator();
    InvalidInputException rows =
        assertThrows(
            InvalidInputException.class,
            () ->
                evaluator.evaluate(
                    Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{1}, {2}, {3}})),
                    RegressionTargets.of(1, 2)));
    assertEquals(GraftErrors.SIZE_MISMATCH, rows.errorId());
    assertTrue(rows.getMessage().contains("3 examples"), rows.getMessage());

    InvalidInputException cols =
        assertThrows(
            InvalidInputException.class,
            () ->
                evaluator.evaluate(
                    Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{1, 1}, {2, 2}})),
                    RegressionTargets.of(1, 2)));
    assertEquals(GraftErrors.SIZE_MISMATCH, cols.errorId());

    InvalidInputException nan =
        assertThrows(
            InvalidInputException.class,
            () ->
                evaluator.evaluate(
                    Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{1}, {Double.NaN}})),
                    RegressionTargets.of(1, 2)));
    assertEquals(GraftErrors.NON_FINITE_VALUE, nan.errorId());
    assertTrue(nan.getMessage().contains("row 1"), nan.getMessage());

    InvalidInputException labels =
        assertThrows(
            InvalidInputException.class,
            () ->
                evaluator.evaluate(
                    Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{1}, {0}})),
                    ClassLabels.of(1, 0)));
    assertEquals(GraftErrors.INVALID_LABELS, labels.errorId());
  }
}
