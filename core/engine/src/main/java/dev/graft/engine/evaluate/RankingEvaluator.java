package dev.graft.engine.evaluate;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code ranking} evaluator, for recommenders and retrieval.
 *
 * <p>Inputs: {@link Predictions#outputs()} is an {@code n_users x n_items} score matrix (higher
 * ranks first) and the truth is a {@link dev.graft.api.data.RegressionTargets} relevance matrix of
 * the same shape, graded ({@code 0, 1, 2, ...}) or binary; relevance must be non-negative and an
 * item is <em>relevant</em> if its relevance is above 0. Items a user must not be recommended (for
 * example their training interactions) are masked with a score of {@code -Infinity}: they are
 * removed from that user's candidates, both from the ranking and from the ideal ranking. Scores
 * must otherwise be finite. Items with equal scores are ranked by item index, lowest first, so
 * results are deterministic.
 *
 * <p>Metrics, averaged over users with at least one relevant unmasked item:
 *
 * <ul>
 *   <li>{@code ndcg@k}: {@code DCG@k / IDCG@k} with gain = relevance and the standard log2
 *       discount, {@code DCG@k = Σ_{r=1..k} rel_r / log2(r + 1)}; IDCG@k is the DCG@k of the
 *       candidates sorted by relevance. 1 for an ideal ranking.
 *   <li>{@code hr@k}: hit rate, 1 if a relevant item is in the top {@code k}, else 0.
 *   <li>{@code mrr}: mean reciprocal rank of the first relevant item in the full ranking.
 *   <li>{@code ranking/skipped-users}: users without a relevant unmasked item, which are left out
 *       of the averages; lower is better.
 * </ul>
 *
 * <p>Cutoffs default to 5 and 10. Stateless and thread-safe.
 */
public final class RankingEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "ranking";

  /** The cutoffs {@code k} used by the no-argument constructor. */
  public static final List<Integer> DEFAULT_CUTOFFS = List.of(5, 10);

  private final int[] cutoffs;

  /** Creates the evaluator with {@link #DEFAULT_CUTOFFS}. */
  public RankingEvaluator() {
    this(DEFAULT_CUTOFFS.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Creates the evaluator with the given cutoffs.
   *
   * @param cutoffs the {@code k} of {@code ndcg@k} and {@code hr@k}, each at least 1, distinct
   * @throws ConfigException GRAFT-CONFIG-001 if none is given, one is below 1, or one repeats
   */
  public RankingEvaluator(int... cutoffs) {
    ConfigException.require(cutoffs.length > 0, "ranking cutoffs", "empty", "at least one k");
    int[] sorted = cutoffs.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      ConfigException.require(sorted[i] >= 1, "ranking cutoff", sorted[i], "at least 1");
      ConfigException.require(
          i == 0 || sorted[i] != sorted[i - 1], "ranking cutoff", sorted[i], "listed once");
    }
    this.cutoffs = sorted;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Ranking: NDCG@k, hit rate@k and mean reciprocal rank of user x item score matrices.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(EnumSet.of(TaskType.RANKING), Set.of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    FeatureMatrix scores = EvaluationInputs.outputs(predictions, ID);
    FeatureMatrix relevance = EvaluationInputs.realTargets(truth, ID);
    EvaluationInputs.sameRows(scores.rows(), relevance.rows(), ID);
    EvaluationInputs.sameColumns(scores.cols(), relevance.cols(), "item columns", ID);
    validate(scores, relevance);
    int users = scores.rows();
    double[] ndcg = new double[cutoffs.length];
    double[] hits = new double[cutoffs.length];
    double reciprocalRanks = 0;
    int evaluated = 0;
    for (int u = 0; u < users; u++) {
      double[] s = scores.row(u);
      double[] rel = relevance.row(u);
      int[] ranking = rank(s);
      double[] ranked = new double[ranking.length];
      for (int r = 0; r < ranking.length; r++) {
        ranked[r] = rel[ranking[r]];
      }
      int firstRelevant = firstPositive(ranked);
      if (firstRelevant < 0) {
        continue;
      }
      evaluated++;
      double[] ideal = ranked.clone();
      Arrays.sort(ideal);
      reverse(ideal);
      for (int c = 0; c < cutoffs.length; c++) {
        ndcg[c] += dcg(ranked, cutoffs[c]) / dcg(ideal, cutoffs[c]);
        hits[c] += firstRelevant < cutoffs[c] ? 1 : 0;
      }
      reciprocalRanks += 1.0 / (firstRelevant + 1);
    }
    if (evaluated == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "none of the "
              + users
              + " users has a relevant (relevance > 0) item that is not masked with -Infinity;"
              + " ranking metrics need at least one.");
    }
    List<Metric> out = new ArrayList<>();
    for (int c = 0; c < cutoffs.length; c++) {
      out.add(Metric.of("ndcg@" + cutoffs[c], ndcg[c] / evaluated, true));
    }
    for (int c = 0; c < cutoffs.length; c++) {
      out.add(Metric.of("hr@" + cutoffs[c], hits[c] / evaluated, true));
    }
    out.add(Metric.of("mrr", reciprocalRanks / evaluated, true));
    out.add(Metric.of("ranking/skipped-users", users - evaluated, false));
    return List.copyOf(out);
  }

  private static void validate(FeatureMatrix scores, FeatureMatrix relevance) {
    int items = scores.cols();
    double[] s = scores.data();
    double[] rel = relevance.data();
    for (int i = 0; i < s.length; i++) {
      if (Double.isNaN(s[i]) || s[i] == Double.POSITIVE_INFINITY) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "ranking score of user "
                + i / items
                + ", item "
                + i % items
                + " is "
                + s[i]
                + "; scores must be finite, or -Infinity to mask an item.");
      }
      if (rel[i] < 0) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            "relevance of user "
                + i / items
                + ", item "
                + i % items
                + " is "
                + rel[i]
                + "; relevance must be 0 (not relevant) or positive.");
      }
    }
  }

  /** Unmasked item indices by descending score, ties by ascending index. */
  private static int[] rank(double[] scores) {
    List<Integer> candidates = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] != Double.NEGATIVE_INFINITY) {
        candidates.add(i);
      }
    }
    candidates.sort(
        (a, b) -> {
          int byScore = Double.compare(scores[b], scores[a]);
          return byScore != 0 ? byScore : Integer.compare(a, b);
        });
    return candidates.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int firstPositive(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /** {@code Σ_{r=1..min(k, n)} gains[r-1] / log2(r + 1)}. */
  private static double dcg(double[] gains, int k) {
    double sum = 0;
    for (int r = 0; r < Math.min(k, gains.length); r++) {
      sum += gains[r] / (Math.log(r + 2) / Math.log(2));
    }
    return sum;
  }

  private static void reverse(double[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      double tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}
