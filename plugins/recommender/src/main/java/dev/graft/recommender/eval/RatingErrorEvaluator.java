package dev.graft.recommender.eval;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code rating-error} evaluator: RMSE and MAE of predicted ratings on the held-out ratings.
 * Inputs: a {@code users x items} matrix of predicted ratings and the held-out rating matrix, in
 * which 0 means "no held-out rating" (MovieLens has no zero ratings); only the rated cells count,
 * and each must have a finite prediction. Also reports {@code ratings} (how many were measured).
 */
@Extension
public final class RatingErrorEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "rating-error";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "RMSE and MAE of predicted ratings on held-out ratings (cells with a rating only).";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.RECOMMENDATION, Modality.ANY),
        EnumSet.of(TaskType.REGRESSION, TaskType.RANKING),
        Set.of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    FeatureMatrix scores = Inputs.scores(predictions, ID);
    FeatureMatrix ratings = Inputs.relevance(truth, scores, ID);
    double se = 0;
    double ae = 0;
    long n = 0;
    double[] p = scores.data();
    double[] t = ratings.data();
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0) {
        if (!Double.isFinite(p[i])) {
          throw new InvalidInputException(
              GraftErrors.NON_FINITE_VALUE,
              ID
                  + ": user "
                  + i / scores.cols()
                  + " has a held-out rating for item "
                  + i % scores.cols()
                  + " but the prediction is "
                  + p[i]
                  + "; rating predictions must be finite.");
        }
        double e = p[i] - t[i];
        se += e * e;
        ae += Math.abs(e);
        n++;
      }
    }
    if (n == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS, ID + ": the truth holds no rating (no cell above 0).");
    }
    return List.of(
        Metric.of("rmse", Math.sqrt(se / n), false),
        Metric.of("mae", ae / n, false),
        Metric.of("ratings", n, true));
  }
}
