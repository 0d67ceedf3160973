package dev.graft.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {

  private static final double EPS = 1e-12;
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private static Map<String, Double> evaluate(
      RankingEvaluator evaluator, double[][] scores, double[][] relevance) {
    List<Metric> metrics =
        evaluator.evaluate(
            Predictions.ofOutputs(FeatureMatrix.of(scores)),
            new RegressionTargets(FeatureMatrix.of(relevance)));
    return metrics.stream().collect(Collectors.toMap(Metric::name, Metric::value));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void anIdealRankingHasNdcgOne() {
    Map<String, Double> m =
        evaluate(
            new RankingEvaluator(1, 3, 10),
            new double[][] {{0.1, 0.9, 0.5, 0.7}},
            new double[][] {{0, 3, 1, 2}});
    assertEquals(1.0, m.get("ndcg@1"), EPS);
    assertEquals(1.0, m.get("ndcg@3"), EPS);
    assertEquals(1.0, m.get("ndcg@10"), EPS);
    assertEquals(1.0, m.get("mrr"), EPS);
  }

  @Test
  void ndcgHitRateAndMrrMatchHandComputedValuesForAPermutation() {
    // Ranked relevances 0, 3, 0, 2, 1; gain = relevance, discount log2(rank + 1).
    // DCG@5 = 3/log2(3) + 2/log2(5) + 1/log2(6); IDCG@5 = 3/log2(2) + 2/log2(3) + 1/log2(4).
    Map<String, Double> m =
        evaluate(
            new RankingEvaluator(1, 2, 5),
            new double[][] {{0.9, 0.8, 0.7, 0.6, 0.5}},
            new double[][] {{0, 3, 0, 2, 1}});
    double dcg5 = 3 / log2(3) + 2 / log2(5) + 1 / log2(6);
    double idcg5 = 3 + 2 / log2(3) + 1 / 2.0;
    assertEquals(dcg5 / idcg5, m.get("ndcg@5"), EPS);
    assertEquals(0.6596152573136869, m.get("ndcg@5"), 1e-12);
    assertEquals((3 / log2(3)) / (3 + 2 / log2(3)), m.get("ndcg@2"), EPS);
    assertEquals(0.0, m.get("ndcg@1"), EPS);
    assertEquals(0.0, m.get("hr@1"), EPS);
    assertEquals(1.0, m.get("hr@2"), EPS);
    assertEquals(0.5, m.get("mrr"), EPS);
  }

  @Test
  void averagesOverUsersAndSkipsUsersWithoutRelevantItems() {
    // User 0: first relevant at rank 1; user 1: at rank 3; user 2: nothing relevant (skipped).
    Map<String, Double> m =
        evaluate(
            new RankingEvaluator(1, 2),
            new double[][] {{0.9, 0.1, 0.2}, {0.9, 0.8, 0.7}, {0.3, 0.2, 0.1}},
            new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 0, 0}});
    assertEquals((1 + 1.0 / 3) / 2, m.get("mrr"), EPS);
    assertEquals(0.5, m.get("hr@1"), EPS);
    assertEquals(0.5, m.get("hr@2"), EPS);
    assertEquals(1.0, m.get("ranking/skipped-users"));
  }

  @Test
  void maskedItemsLeaveTheRankingAndTheIdealRanking() {
    // Item 0 is masked: the candidates are items 2 (0.9) then 1 (0.5); item 2 is relevant.
    Map<String, Double> m =
        evaluate(
            new RankingEvaluator(1),
            new double[][] {{NEG_INF, 0.5, 0.9}},
            new double[][] {{1, 0, 1}});
    assertEquals(1.0, m.get("ndcg@1"), EPS);
    assertEquals(1.0, m.get("hr@1"), EPS);
    assertEquals(1.0, m.get("mrr"), EPS);
  }

  @Test
  void tiedScoresAreBrokenByItemIndex() {
    Map<String, Double> m =
        evaluate(
            new RankingEvaluator(2, 3),
            new double[][] {{0.5, 0.5, 0.5}},
            new double[][] {{0, 0, 1}});
    assertEquals(0.0, m.get("hr@2"), EPS);
    assertEquals(1.0, m.get("hr@3"), EPS);
    assertEquals(1.0 / 3, m.get("mrr"), EPS);
    assertEquals(1 / log2(4), m.get("ndcg@3"), EPS);
  }

  @Test
  void defaultCutoffsAreFiveAndTenInAStableOrder() {
    List<Metric> metrics =
        new RankingEvaluator()
            .evaluate(
                Predictions.ofOutputs(FeatureMatrix.of(new double[][] {{0.2, 0.1}})),
                new RegressionTargets(FeatureMatrix.of(new double[][] {{1, 0}})));
    assertEquals(
        List.of("ndcg@5", "ndcg@10", "hr@5", "hr@10", "mrr", "ranking/skipped-users"),
        metrics.stream().map(Metric::name).toList());
  }

  @Test
  void rejectsBadScoresRelevanceShapesAndCutoffs() {
    RankingEvaluator evaluator = new RankingEvaluator();
    InvalidInputException nan =
        assertThrows(
            InvalidInputException.class,
            () -> evaluate(evaluator, new double[][] {{0.1, Double.NaN}}, new double[][] {{1, 0}}));
    assertEquals(GraftErrors.NON_FINITE_VALUE, nan.errorId());
    assertTrue(nan.getMessage().contains("user 0, item 1"), nan.getMessage());

    InvalidInputException negative =
        assertThrows(
            InvalidInputException.class,
            () -> evaluate(evaluator, new double[][] {{0.1, 0.2}}, new double[][] {{-1, 1}}));
    assertEquals(GraftErrors.INVALID_LABELS, negative.errorId());

    InvalidInputException items =
        assertThrows(
            InvalidInputException.class,
            () -> evaluate(evaluator, new double[][] {{0.1, 0.2}}, new double[][] {{0, 1, 0}}));
    assertEquals(GraftErrors.SIZE_MISMATCH, items.errorId());
    assertTrue(items.getMessage().contains("2 item columns"), items.getMessage());

    InvalidInputException nothingRelevant =
        assertThrows(
            InvalidInputException.class,
            () -> evaluate(evaluator, new double[][] {{NEG_INF, 0.2}}, new double[][] {{1, 0}}));
    assertEquals(GraftErrors.INVALID_LABELS, nothingRelevant.errorId());

    assertThrows(ConfigException.class, () -> new RankingEvaluator(0));
    assertThrows(ConfigException.class, () -> new RankingEvaluator(5, 5));
  }
}
