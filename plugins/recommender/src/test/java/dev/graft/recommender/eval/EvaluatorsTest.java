package dev.graft.recommender.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.engine.evaluate.RankingEvaluator;
import dev.graft.testkit.contract.EvaluatorContract;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluatorsTest {

  /** Random scores with ties and masks, 1-2 relevant items per user. */
  private static FeatureMatrix[] random(int users, int items, int masked, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] s = new double[users * items];
    double[] rel = new double[users * items];
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        s[u * items + i] = r.nextInt(20) / 4.0;
      }
      for (int m = 0; m < masked + (u % 5); m++) {
        s[u * items + r.nextInt(items)] = Double.NEGATIVE_INFINITY;
      }
      rel[u * items + r.nextInt(items)] = 1 + r.nextInt(3);
      if (u % 3 == 0) {
        rel[u * items + r.nextInt(items)] = 1;
      }
    }
    return new FeatureMatrix[] {
      FeatureMatrix.wrap(users, items, s), FeatureMatrix.wrap(users, items, rel)
    };
  }

  private static Map<String, Double> byName(List<Metric> metrics) {
    return metrics.stream().collect(Collectors.toMap(Metric::name, Metric::value));
  }

  @Test
  void fullCatalogueMetricsAgreeWithTheEnginesRankingEvaluator() {
    FeatureMatrix[] m = random(60, 40, 1, 3);
    Map<String, Double> engine =
        byName(
            new RankingEvaluator(10)
                .evaluate(Predictions.ofOutputs(m[0]), new RegressionTargets(m[1])));
    Map<String, Double> ours =
        byName(
            new ActivityRankingEvaluator(10, 3)
                .evaluate(Predictions.ofOutputs(m[0]), new RegressionTargets(m[1])));
    assertEquals(engine.get("ndcg@10"), ours.get("ndcg@10"), 1e-12);
    assertEquals(engine.get("hr@10"), ours.get("hr@10"), 1e-12);
    assertEquals(engine.get("mrr"), ours.get("mrr"), 1e-12);
    double cold = ours.get("users/cold");
    double warm = ours.get("users/warm");
    assertEquals(60 - engine.get("ranking/skipped-users"), cold + warm, 1e-9);
    assertTrue(cold > 0 && warm > 0);
    // the overall mean is the user-weighted mean of the segments
    assertEquals(
        ours.get("ndcg@10"),
        (ours.get("ndcg@10/cold") * cold + ours.get("ndcg@10/warm") * warm) / (cold + warm),
        1e-12);
  }

  @Test
  void topKMatchesAFullSortWithTiesByIndex() {
    SplittableRandom r = new SplittableRandom(5);
    double[] s = new double[500];
    for (int i = 0; i < s.length; i++) {
      s[i] = i % 7 == 0 ? Double.NEGATIVE_INFINITY : r.nextInt(50);
    }
    Integer[] order = new Integer[s.length];
    for (int i = 0; i < s.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
    int[] expected = Arrays.stream(order).mapToInt(Integer::intValue).limit(25).toArray();
    assertArrayEquals(expected, TopK.of(s, 25));
    assertEquals(500 - 72, TopK.of(s, 1000).length, "masked items never returned");
  }

  @Test
  void aPerfectRankingScoresOneAndTheSampledSetIsEasierThanTheFullOne() {
    int users = 30;
    int items = 300;
    double[] s = new double[users * items];
    double[] rel = new double[users * items];
    SplittableRandom r = new SplittableRandom(9);
    for (int u = 0; u < users; u++) {
      int target = r.nextInt(items);
      rel[u * items + target] = 1;
      for (int i = 0; i < items; i++) {
        s[u * items + i] = r.nextDouble();
      }
    }
    Predictions noisy = Predictions.ofOutputs(FeatureMatrix.wrap(users, items, s));
    RegressionTargets truth = new RegressionTargets(FeatureMatrix.wrap(users, items, rel));
    Map<String, Double> perfect =
        byName(
            new ActivityRankingEvaluator()
                .evaluate(
                    Predictions.ofOutputs(FeatureMatrix.wrap(users, items, rel.clone())), truth));
    assertEquals(1.0, perfect.get("ndcg@10"), 1e-12);
    assertEquals(1.0, perfect.get("mrr"), 1e-12);
    double full = byName(new ActivityRankingEvaluator().evaluate(noisy, truth)).get("hr@10");
    Map<String, Double> sampled =
        byName(new SampledRankingEvaluator(10, 50, 1).evaluate(noisy, truth));
    assertTrue(sampled.get("hr@10/sampled-50") > full, sampled + " vs full " + full);
    // random scores: hit rate about k / (candidates) = 10/51
    assertEquals(10.0 / 51, sampled.get("hr@10/sampled-50"), 0.15);
    assertEquals(sampled, byName(new SampledRankingEvaluator(10, 50, 1).evaluate(noisy, truth)));
  }

  @Test
  void ratingErrorsCountOnlyRatedCells() {
    FeatureMatrix p = FeatureMatrix.of(new double[][] {{3, 9}, {Double.NEGATIVE_INFINITY, 4}});
    FeatureMatrix t = FeatureMatrix.of(new double[][] {{4, 0}, {0, 2}});
    Map<String, Double> m =
        byName(
            new RatingErrorEvaluator()
                .evaluate(Predictions.ofOutputs(p), new RegressionTargets(t)));
    assertEquals(Math.sqrt((1 + 4) / 2.0), m.get("rmse"), 1e-12);
    assertEquals(1.5, m.get("mae"), 1e-12);
    assertEquals(2.0, m.get("ratings"));
    FeatureMatrix maskedRated =
        FeatureMatrix.of(new double[][] {{Double.NEGATIVE_INFINITY, 1}, {1, 1}});
    assertThrows(
        GraftException.class,
        () ->
            new RatingErrorEvaluator()
                .evaluate(Predictions.ofOutputs(maskedRated), new RegressionTargets(t)));
  }

  @Nested
  class ActivityContract extends EvaluatorContract {
    @Override
    protected Evaluator extension() {
      return new ActivityRankingEvaluator();
    }
  }

  @Nested
  class SampledContract extends EvaluatorContract {
    @Override
    protected Evaluator extension() {
      return new SampledRankingEvaluator();
    }
  }

  @Nested
  class RatingContract extends EvaluatorContract {
    @Override
    protected Evaluator extension() {
      return new RatingErrorEvaluator();
    }
  }
}
