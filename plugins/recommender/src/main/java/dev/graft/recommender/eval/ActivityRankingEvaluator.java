package dev.graft.recommender.eval;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code ranking-by-activity} evaluator: NDCG@k, HR@k and MRR on the <b>full</b> candidate set
 * (every unmasked item of the catalogue), overall and separately for cold and warm users.
 *
 * <p>Inputs as for the engine's {@code ranking} evaluator: a {@code users x items} score matrix in
 * which each user's training items are masked with {@code -Infinity}, and the held-out relevance
 * matrix. The number of masked items of a user is that user's number of training interactions in
 * the target domain, so a user is <em>cold</em> with at most {@code coldMax} masked items (default
 * 3) and <em>warm</em> otherwise. Metrics: {@code ndcg@k}, {@code hr@k}, {@code mrr}, the same with
 * suffixes {@code /cold} and {@code /warm} for segments that have users, and {@code users/cold},
 * {@code users/warm} (measured users per segment). Users without a relevant unmasked item are left
 * out. Stateless and thread-safe.
 */
@Extension
public final class ActivityRankingEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "ranking-by-activity";

  private final int k;
  private final int coldMax;

  /** Cutoff 10, cold users have at most 3 training interactions. */
  public ActivityRankingEvaluator() {
    this(10, 3);
  }

  /**
   * Creates the evaluator.
   *
   * @param k the cutoff of NDCG and HR, at least 1
   * @param coldMax the most training interactions a cold user has, at least 0
   */
  public ActivityRankingEvaluator(int k, int coldMax) {
    ConfigException.require(k >= 1, "ranking cutoff", k, "at least 1");
    ConfigException.require(coldMax >= 0, "cold-max", coldMax, "0 or more");
    this.k = k;
    this.coldMax = coldMax;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NDCG@10, HR@10 and MRR on the full item catalogue, overall and for cold (<= 3"
        + " training interactions) and warm users.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.RECOMMENDATION, Modality.ANY), EnumSet.of(TaskType.RANKING), Set.of());
  }

  @Override
  public List<Metric> evaluate(dev.graft.api.evaluate.Predictions predictions, Targets truth) {
    FeatureMatrix scores = Inputs.scores(predictions, ID);
    FeatureMatrix relevance = Inputs.relevance(truth, scores, ID);
    double[][] sums = new double[3][3];
    int[] counts = new int[3];
    for (int u = 0; u < scores.rows(); u++) {
      double[] s = scores.row(u);
      UserRanking r = UserRanking.of(s, relevance.row(u), k);
      if (r == null) {
        continue;
      }
      int segment = Inputs.masked(s) <= coldMax ? 1 : 2;
      for (int g : new int[] {0, segment}) {
        sums[g][0] += r.ndcg();
        sums[g][1] += r.hit();
        sums[g][2] += r.reciprocalRank();
        counts[g]++;
      }
    }
    if (counts[0] == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          ID
              + ": none of the "
              + scores.rows()
              + " users has a relevant, unmasked item; ranking metrics need at least one.");
    }
    List<Metric> out = new ArrayList<>();
    String[] suffix = {"", "/cold", "/warm"};
    for (int g = 0; g < 3; g++) {
      if (counts[g] == 0) {
        continue;
      }
      out.add(Metric.of("ndcg@" + k + suffix[g], sums[g][0] / counts[g], true));
      out.add(Metric.of("hr@" + k + suffix[g], sums[g][1] / counts[g], true));
      out.add(Metric.of("mrr" + suffix[g], sums[g][2] / counts[g], true));
    }
    out.add(Metric.of("users/cold", counts[1], true));
    out.add(Metric.of("users/warm", counts[2], true));
    return List.copyOf(out);
  }
}
