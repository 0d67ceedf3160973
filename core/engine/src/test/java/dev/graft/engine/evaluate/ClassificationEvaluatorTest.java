package dev.graft.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassificationEvaluatorTest {

  private static final double EPS = 1e-12;

  /**
   * Ten examples whose confusion matrix (rows true, columns predicted) is
   *
   * <pre>
   *          pred 0  pred 1  pred 2
   * true 0      2       1       0
   * true 1      0       2       1
   * true 2      0       1       3
   * </pre>
   */
  private static final int[] TRUTH = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2};

  private static final int[] PREDICTED = {0, 0, 1, 1, 1, 2, 1, 2, 2, 2};

  private static Predictions confident(int[] predicted, int classes) {
    double[][] rows = new double[predicted.length][classes];
    for (int i = 0; i < predicted.length; i++) {
      for (int c = 0; c < classes; c++) {
        rows[i][c] = c == predicted[i] ? 0.6 : 0.4 / (classes - 1);
      }
    }
    return probabilities(rows);
  }

  private static Predictions probabilities(double[][] rows) {
    return Predictions.ofProbabilities(new ProbabilityMatrix(FeatureMatrix.of(rows)));
  }

  private static Map<String, Double> byName(List<Metric> metrics) {
    return metrics.stream().collect(Collectors.toMap(Metric::name, Metric::value));
  }

  @Test
  void accuracyF1PrecisionAndRecallMatchAHandComputedConfusionMatrix() {
    ClassLabels truth = ClassLabels.of(TRUTH, List.of("cat", "dog", "fox"));
    Map<String, Double> m =
        byName(new ClassificationEvaluator().evaluate(confident(PREDICTED, 3), truth));

    // 7 of 10 on the diagonal.
    assertEquals(0.7, m.get("accuracy"), EPS);
    // Column sums 2, 4, 4; row sums 3, 3, 4.
    assertEquals(2.0 / 2, m.get("precision/cat"), EPS);
    assertEquals(2.0 / 4, m.get("precision/dog"), EPS);
    assertEquals(3.0 / 4, m.get("precision/fox"), EPS);
    assertEquals(2.0 / 3, m.get("recall/cat"), EPS);
    assertEquals(2.0 / 3, m.get("recall/dog"), EPS);
    assertEquals(3.0 / 4, m.get("recall/fox"), EPS);
    // F1 = 2PR/(P+R): cat 0.8, dog 4/7, fox 0.75.
    assertEquals((0.8 + 4.0 / 7 + 0.75) / 3, m.get("macro-f1"), EPS);
  }

  @Test
  void confusionMatrixCountsTruthAgainstTheMostProbableClass() {
    ClassLabels truth = ClassLabels.of(TRUTH, List.of("cat", "dog", "fox"));
    ConfusionMatrix cm =
        new ClassificationEvaluator().confusionMatrix(confident(PREDICTED, 3), truth);
    int[][] expected = {{2, 1, 0}, {0, 2, 1}, {0, 1, 3}};
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(expected[r][c], cm.count(r, c), "cell " + r + "," + c);
      }
    }
    assertEquals(10, cm.total());
    assertEquals(List.of("cat", "dog", "fox"), cm.classNames());
    assertEquals(ConfusionMatrix.of(expected, List.of("cat", "dog", "fox")), cm);
    String table = cm.toTable();
    assertTrue(table.contains("true\\pred") && table.contains("fox"), table);
    assertEquals(4, table.split("\n").length, table);
  }

  @Test
  void classesNeitherTrueNorPredictedAreLeftOutOfMacroF1AndPerClassMetrics() {
    // Class 2 is declared but never occurs; two perfect classes give macro-F1 1.
    ClassLabels truth = ClassLabels.of(new int[] {0, 1, 0, 1}, 3);
    Map<String, Double> m =
        byName(new ClassificationEvaluator().evaluate(confident(new int[] {0, 1, 0, 1}, 3), truth));
    assertEquals(1.0, m.get("macro-f1"), EPS);
    assertFalse(m.containsKey("precision/2"));
    assertTrue(m.containsKey("recall/1"));
  }

  @Test
  void binaryRocAucEqualsTheMannWhitneyStatisticWithTiesCountingOneHalf() {
    double[] scores = {0.1, 0.4, 0.35, 0.8, 0.4};
    boolean[] positive = {false, false, true, true, true};
    // Pairs (positive, negative): (0.35,0.1)=1 (0.35,0.4)=0 (0.8,0.1)=1 (0.8,0.4)=1 (0.4,0.1)=1
    // (0.4,0.4)=1/2, so U = 4.5 of 6 pairs.
    assertEquals(4.5 / 6, RocAuc.binary(scores, positive), EPS);

    double[][] rows = new double[scores.length][];
    int[] labels = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      rows[i] = new double[] {1 - scores[i], scores[i]};
      labels[i] = positive[i] ? 1 : 0;
    }
    Map<String, Double> m =
        byName(new ClassificationEvaluator().evaluate(probabilities(rows), ClassLabels.of(labels)));
    assertEquals(4.5 / 6, m.get("roc-auc"), EPS);
    assertEquals(0.0, m.get("roc-auc/skipped-classes"));
  }

  @Test
  void rocAucIsOneHalfWhenAllScoresTieAndMatchesPairCountingOnRandomData() {
    assertEquals(
        0.5,
        RocAuc.binary(new double[] {0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, true, false}));
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 2 + random.nextInt(30);
      double[] s = new double[n];
      boolean[] y = new boolean[n];
      for (int i = 0; i < n; i++) {
        s[i] = random.nextInt(5) / 4.0;
        y[i] = i < 1 || (i > 1 && random.nextBoolean());
      }
      double wins = 0;
      int pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (y[i] && !y[j]) {
            pairs++;
            wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          }
        }
      }
      assertEquals(wins / pairs, RocAuc.binary(s, y), EPS, "trial " + trial);
    }
  }

  @Test
  void oneVsRestSkipsClassesAbsentFromTheTruthAndCountsThem() {
    double[][] rows = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.6, 0.3, 0.1}, {0.3, 0.5, 0.2}};
    ClassLabels truth = ClassLabels.of(new int[] {0, 1, 0, 1}, 3);
    RocAuc.OneVsRest auc = RocAuc.oneVsRest(new ProbabilityMatrix(FeatureMatrix.of(rows)), truth);
    assertEquals(List.of(2), auc.skippedClasses());
    assertEquals(1.0, auc.perClass().get(0), EPS);
    assertEquals(1.0, auc.perClass().get(1), EPS);
    Map<String, Double> m =
        byName(new ClassificationEvaluator().evaluate(probabilities(rows), truth));
    assertEquals(1.0, m.get("roc-auc"), EPS);
    assertEquals(1.0, m.get("roc-auc/skipped-classes"));
  }

  @Test
  void rocAucIsOmittedWhenTheTruthHasASingleClass() {
    double[][] rows = {{0.7, 0.3}, {0.4, 0.6}};
    Map<String, Double> m =
        byName(
            new ClassificationEvaluator()
                .evaluate(probabilities(rows), ClassLabels.of(new int[] {0, 0}, 2)));
    assertFalse(m.containsKey("roc-auc"));
    assertEquals(2.0, m.get("roc-auc/skipped-classes"));
    assertEquals(0.5, m.get("accuracy"), EPS);
  }

  @Test
  void eceIsZeroForAPerfectlyCalibratedSet() {
    // Ten predictions of class 0 with confidence 0.8, eight of them right.
    double[][] rows = new double[10][];
    int[] labels = new int[10];
    for (int i = 0; i < 10; i++) {
      rows[i] = new double[] {0.8, 0.2};
      labels[i] = i < 8 ? 0 : 1;
    }
    Map<String, Double> m =
        byName(new ClassificationEvaluator().evaluate(probabilities(rows), ClassLabels.of(labels)));
    assertEquals(0.0, m.get("ece"), 1e-12);
  }

  @Test
  void eceOfAMiscalibratedSetMatchesTheHandComputedValue() {
    // Bin [13/15, 14/15): two predictions at 0.9, one right: |1 - 1.8| = 0.8.
    // Bin [10/15, 11/15): three predictions at 0.7, all right: |3 - 2.1| = 0.9.
    // ECE = (0.8 + 0.9) / 5 = 0.34 with 15 bins; one bin pools them: |4 - 3.9| / 5 = 0.02.
    double[][] rows = {{0.9, 0.1}, {0.9, 0.1}, {0.3, 0.7}, {0.3, 0.7}, {0.3, 0.7}};
    ClassLabels truth = ClassLabels.of(0, 1, 1, 1, 1);
    ProbabilityMatrix p = new ProbabilityMatrix(FeatureMatrix.of(rows));
    assertEquals(
        0.34,
        byName(new ClassificationEvaluator().evaluate(probabilities(rows), truth)).get("ece"),
        EPS);
    assertEquals(0.02, CalibrationError.expected(p, truth, 1), EPS);
  }

  @Test
  void metricsHaveStableNamesOrderAndDirections() {
    ClassLabels truth = ClassLabels.of(TRUTH, List.of("cat", "dog", "fox"));
    List<Metric> metrics = new ClassificationEvaluator().evaluate(confident(PREDICTED, 3), truth);
    assertEquals(
        List.of(
            "accuracy",
            "macro-f1",
            "roc-auc",
            "roc-auc/skipped-classes",
            "ece",
            "precision/cat",
            "recall/cat",
            "precision/dog",
            "recall/dog",
            "precision/fox",
            "recall/fox"),
        metrics.stream().map(Metric::name).toList());
    Map<String, Boolean> higher =
        metrics.stream().collect(Collectors.toMap(Metric::name, Metric::higherIsBetter));
    assertTrue(higher.get("accuracy"));
    assertFalse(higher.get("ece"));
    assertFalse(higher.get("roc-auc/skipped-classes"));
  }

  @Test
  void rejectsMismatchedSizesClassCountsAndWrongKindsOfInput() {
    ClassificationEvaluator evaluator = new ClassificationEvaluator();
    Predictions four = confident(new int[] {0, 1, 0, 1}, 2);

    InvalidInputException rows =
        assertThrows(
            InvalidInputException.class, () -> evaluator.evaluate(four, ClassLabels.of(0, 1, 1)));
    assertEquals(GraftErrors.SIZE_MISMATCH, rows.errorId());
    assertTrue(
        rows.getMessage().contains("4") && rows.getMessage().contains("3"), rows.getMessage());

    InvalidInputException classes =
        assertThrows(
            InvalidInputException.class,
            () -> evaluator.evaluate(four, ClassLabels.of(new int[] {0, 1, 0, 1}, 3)));
    assertEquals(GraftErrors.SIZE_MISMATCH, classes.errorId());
    assertTrue(classes.getMessage().contains("2 class columns"), classes.getMessage());

    InvalidInputException realTruth =
        assertThrows(
            InvalidInputException.class,
            () -> evaluator.evaluate(four, RegressionTargets.of(0, 1, 0, 1)));
    assertEquals(GraftErrors.INVALID_LABELS, realTruth.errorId());

    InvalidInputException outputsOnly =
        assertThrows(
            InvalidInputException.class,
            () ->
                evaluator.evaluate(
                    Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{1}, {2}})),
                    ClassLabels.of(0, 1)));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, outputsOnly.errorId());

    InvalidInputException nanScore =
        assertThrows(
            InvalidInputException.class,
            () -> RocAuc.binary(new double[] {0.1, Double.NaN}, new boolean[] {true, false}));
    assertEquals(GraftErrors.NON_FINITE_VALUE, nanScore.errorId());
    assertTrue(nanScore.getMessage().contains("NaN"), nanScore.getMessage());
  }
}
