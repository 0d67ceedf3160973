package dev.graft.recommender.eval;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * The {@code sampled-ranking} evaluator: NDCG@k, HR@k and MRR on a <b>sampled</b> candidate set, as
 * in NCF-style papers: each user's relevant items plus {@code negatives} items drawn uniformly
 * without replacement from the user's unmasked, non-relevant items (all of them if fewer). The draw
 * is seeded by {@code seed} and the user's row, so every model is measured on the same candidates.
 * Metric names carry the sample size ({@code ndcg@10/sampled-100}) so they are never confused with
 * full-catalogue numbers, which are lower. Stateless and thread-safe.
 */
@Extension
public final class SampledRankingEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "sampled-ranking";

  private final int k;
  private final int negatives;
  private final long seed;

  /** Cutoff 10, 100 sampled negatives, seed 42. */
  public SampledRankingEvaluator() {
    this(10, 100, 42);
  }

  /**
   * Creates the evaluator.
   *
   * @param k the cutoff, at least 1
   * @param negatives sampled non-relevant candidates per user, at least 1
   * @param seed the sampling seed
   */
  public SampledRankingEvaluator(int k, int negatives, long seed) {
    ConfigException.require(k >= 1, "ranking cutoff", k, "at least 1");
    ConfigException.require(negatives >= 1, "sampled negatives", negatives, "at least 1");
    this.k = k;
    this.negatives = negatives;
    this.seed = seed;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NDCG@10, HR@10 and MRR against 100 sampled non-relevant candidates per user (seeded).";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.RECOMMENDATION, Modality.ANY), EnumSet.of(TaskType.RANKING), Set.of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    FeatureMatrix scores = Inputs.scores(predictions, ID);
    FeatureMatrix relevance = Inputs.relevance(truth, scores, ID);
    double ndcg = 0;
    double hits = 0;
    double rr = 0;
    int n = 0;
    for (int u = 0; u < scores.rows(); u++) {
      double[] s = scores.row(u);
      double[] rel = relevance.row(u);
      int[] pool = new int[s.length];
      int size = 0;
      for (int i = 0; i < s.length; i++) {
        if (rel[i] <= 0 && s[i] != Double.NEGATIVE_INFINITY) {
          pool[size++] = i;
        }
      }
      SplittableRandom r = new SplittableRandom(seed * 1_000_003L + u);
      int take = Math.min(negatives, size);
      for (int i = 0; i < take; i++) {
        int j = i + r.nextInt(size - i);
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
      }
      boolean[] candidate = new boolean[s.length];
      for (int i = 0; i < take; i++) {
        candidate[pool[i]] = true;
      }
      double[] masked = Arrays.copyOf(s, s.length);
      for (int i = 0; i < s.length; i++) {
        if (!(candidate[i] || rel[i] > 0)) {
          masked[i] = Double.NEGATIVE_INFINITY;
        }
      }
      UserRanking m = UserRanking.of(masked, rel, k);
      if (m != null) {
        ndcg += m.ndcg();
        hits += m.hit();
        rr += m.reciprocalRank();
        n++;
      }
    }
    if (n == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          ID + ": none of the " + scores.rows() + " users has a relevant, unmasked item.");
    }
    String suffix = "/sampled-" + negatives;
    List<Metric> out = new ArrayList<>();
    out.add(Metric.of("ndcg@" + k + suffix, ndcg / n, true));
    out.add(Metric.of("hr@" + k + suffix, hits / n, true));
    out.add(Metric.of("mrr" + suffix, rr / n, true));
    return List.copyOf(out);
  }
}
