package dev.graft.recommender.eval;

import java.util.Arrays;

/**
 * Ranking metrics of one user, with the engine {@code ranking} evaluator's conventions: gain =
 * relevance, log2 discount, masked items ({@code -Infinity}) are not candidates, ties rank by item
 * index.
 *
 * @param ndcg NDCG at the cutoff
 * @param hit 1 if a relevant item is in the top {@code k}
 * @param reciprocalRank 1 / rank of the first relevant item in the full ranking
 */
public record UserRanking(double ndcg, double hit, double reciprocalRank) {

  /**
   * Measures one user; empty (null) when the user has no relevant unmasked candidate.
   *
   * @param scores one score per item ({@code -Infinity} = masked)
   * @param relevance one relevance per item (0 = not relevant)
   * @param k the cutoff
   * @return the metrics, or null if the user cannot be measured
   */
  public static UserRanking of(double[] scores, double[] relevance, int k) {
    double[] gains;
    int bestRank = Integer.MAX_VALUE;
    int relevantCount = 0;
    for (int j = 0; j < scores.length; j++) {
      if (relevance[j] > 0 && scores[j] != Double.NEGATIVE_INFINITY) {
        relevantCount++;
      }
    }
    if (relevantCount == 0) {
      return null;
    }
    gains = new double[relevantCount];
    int g = 0;
    for (int j = 0; j < scores.length; j++) {
      if (relevance[j] > 0 && scores[j] != Double.NEGATIVE_INFINITY) {
        gains[g++] = relevance[j];
        int rank = 0;
        for (int i = 0; i < scores.length; i++) {
          if (i != j && scores[i] != Double.NEGATIVE_INFINITY && TopK.better(i, j, scores)) {
            rank++;
          }
        }
        bestRank = Math.min(bestRank, rank);
      }
    }
    int[] top = TopK.of(scores, k);
    double dcg = 0;
    for (int r = 0; r < top.length; r++) {
      dcg += relevance[top[r]] / log2(r + 2);
    }
    Arrays.sort(gains);
    double idcg = 0;
    for (int r = 0; r < Math.min(k, gains.length); r++) {
      idcg += gains[gains.length - 1 - r] / log2(r + 2);
    }
    return new UserRanking(dcg / idcg, bestRank < k ? 1 : 0, 1.0 / (bestRank + 1));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
