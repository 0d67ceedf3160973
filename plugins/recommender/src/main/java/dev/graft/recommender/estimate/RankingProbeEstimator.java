package dev.graft.recommender.estimate;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.recommender.eval.UserRanking;
import dev.graft.recommender.model.Linear;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * {@code ranking-probe}: ranks recommender sources by how well their user features (e.g. a source
 * model's user embeddings, as the {@code recommender-model} source gives them) predict the target
 * users' held-out items. Two-fold cross-fitting over users (seeded): a ridge map from centred
 * features to the centred relevance rows is fitted on one half and ranks the items of the other
 * half's users; the score is the mean NDCG@10 of those rankings. The intercept alone is the item
 * popularity, reported as {@code details.popularity-ndcg@10}, so {@code lift} tells whether the
 * features add anything beyond popularity. No history masking is possible from features and targets
 * alone, so absolute values are lower than a trained model's; compare sources with each other.
 * Deterministic for a seed; thread-safe.
 */
@Extension
public final class RankingProbeEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "ranking-probe";

  private static final int K = 10;
  private static final double RIDGE = 1.0;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Ranks recommender sources by the held-out NDCG@10 of a ridge probe from their user"
        + " features to the target users' future items.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.RECOMMENDATION),
        EnumSet.of(TaskType.RANKING),
        Set.of(Requirement.FEATURES));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return "held-out NDCG@10 of a linear probe from source user features to target items (0..1);"
        + " compare with details.popularity-ndcg@10";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix x = input.requireFeatures(ID).requireFinite("source features");
    if (!(input.targets() instanceof RegressionTargets t)) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "estimator '"
              + ID
              + "' needs a users x items relevance matrix (a recommender reader"
              + " with a holdout); got class labels.");
    }
    FeatureMatrix y = t.values();
    int n = x.rows();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(input.seed());
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    double probe = 0;
    double popularity = 0;
    int measured = 0;
    for (int fold = 0; fold < 2; fold++) {
      boolean[] inTrain = new boolean[n];
      for (int k = 0; k < n; k++) {
        inTrain[order[k]] = (k % 2) != fold;
      }
      double[][] fit = fit(x, y, inTrain);
      for (int u = 0; u < n; u++) {
        if (inTrain[u]) {
          continue;
        }
        double[] rel = y.row(u);
        UserRanking p = UserRanking.of(predict(fit, x.row(u)), rel, K);
        if (p == null) {
          continue;
        }
        UserRanking pop = UserRanking.of(fit[0].clone(), rel, K);
        probe += p.ndcg();
        popularity += pop.ndcg();
        measured++;
      }
    }
    if (measured == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          ID + ": no user has a held-out (relevance > 0) item; read the target with a holdout.");
    }
    Map<String, Double> details = new LinkedHashMap<>();
    details.put("popularity-ndcg@10", popularity / measured);
    details.put("lift", probe / measured - popularity / measured);
    details.put("users", (double) measured);
    return new TransferabilityScore(
        ID, probe / measured, true, details, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Returns {intercept (items), weights (features x items flattened)}. */
  private static double[][] fit(FeatureMatrix x, FeatureMatrix y, boolean[] inTrain) {
    int f = x.cols();
    int m = y.cols();
    double[] mx = new double[f];
    double[] my = new double[m];
    int count = 0;
    for (int u = 0; u < x.rows(); u++) {
      if (!inTrain[u]) {
        continue;
      }
      count++;
      for (int a = 0; a < f; a++) {
        mx[a] += x.get(u, a);
      }
      for (int i = 0; i < m; i++) {
        my[i] += y.get(u, i) > 0 ? 1 : 0;
      }
    }
    for (int a = 0; a < f; a++) {
      mx[a] /= Math.max(1, count);
    }
    for (int i = 0; i < m; i++) {
      my[i] /= Math.max(1, count);
    }
    double[] xtx = new double[f * f];
    double[] xty = new double[f * m];
    for (int u = 0; u < x.rows(); u++) {
      if (!inTrain[u]) {
        continue;
      }
      double[] xc = new double[f];
      for (int a = 0; a < f; a++) {
        xc[a] = x.get(u, a) - mx[a];
      }
      for (int a = 0; a < f; a++) {
        for (int b = 0; b < f; b++) {
          xtx[a * f + b] += xc[a] * xc[b];
        }
      }
      for (int i = 0; i < m; i++) {
        double yc = (y.get(u, i) > 0 ? 1 : 0) - my[i];
        if (yc != 0) {
          for (int a = 0; a < f; a++) {
            xty[a * m + i] += xc[a] * yc;
          }
        }
      }
    }
    for (int a = 0; a < f; a++) {
      xtx[a * f + a] += RIDGE;
    }
    double[] w = new double[f * m];
    for (int i = 0; i < m; i++) {
      double[] col = new double[f];
      for (int a = 0; a < f; a++) {
        col[a] = xty[a * m + i];
      }
      double[] sol = Linear.solve(xtx, col, f);
      for (int a = 0; a < f; a++) {
        w[a * m + i] = sol[a];
      }
    }
    double[] intercept = my.clone();
    return new double[][] {intercept, w, mx};
  }

  private static double[] predict(double[][] fit, double[] features) {
    double[] intercept = fit[0];
    double[] w = fit[1];
    double[] mx = fit[2];
    int m = intercept.length;
    int f = mx.length;
    double[] out = intercept.clone();
    for (int a = 0; a < f; a++) {
      double xc = features[a] - mx[a];
      if (xc != 0) {
        for (int i = 0; i < m; i++) {
          out[i] += xc * w[a * m + i];
        }
      }
    }
    return out;
  }
}
