package dev.graft.recommender.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TransferContext;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.eval.ActivityRankingEvaluator;
import dev.graft.recommender.eval.RatingErrorEvaluator;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the recommender strategies share. */
final class StrategySupport {

  private StrategySupport() {}

  /**
   * All target users' training interactions of a run: the labelled training users, the validation
   * users and the unlabelled (test) users' histories. Their held-out items are in the targets,
   * never in the histories, so nothing of the test leaks.
   */
  static Interactions trainingInteractions(TransferContext c) {
    List<Dataset<?>> parts = new ArrayList<>();
    parts.add(c.train());
    c.validation().ifPresent(parts::add);
    c.unlabelledTarget().ifPresent(parts::add);
    return RecommenderData.interactions(parts);
  }

  /**
   * The source's user embeddings for the given users: rows of {@code features} with the last column
   * (known) = 1.
   */
  static UserEmbeddings sourceEmbeddings(TransferContext c, Interactions target) {
    List<UserHistory> users = new ArrayList<>();
    for (int u = 0; u < target.numUsers(); u++) {
      users.add(
          new UserHistory(
              target.userIds().get(u), new int[0], new float[0], new long[0], target.catalog()));
    }
    Dataset<UserHistory> probe = Dataset.unlabelled(c.train().info(), users);
    FeatureMatrix f = c.source().features(probe);
    int d = f.cols() - 1;
    Map<String, float[]> m = new HashMap<>();
    for (int r = 0; r < f.rows(); r++) {
      if (f.get(r, d) > 0.5) {
        float[] v = new float[d];
        for (int k = 0; k < d; k++) {
          v[k] = (float) f.get(r, k);
        }
        m.put(target.userIds().get(r), v);
      }
    }
    return new UserEmbeddings(d, m);
  }

  static Provenance provenance(String strategy, TransferContext c, FactorConfig cfg) {
    return Provenance.builder("recommender-strategy")
        .put("strategy", strategy)
        .put("source", c.source().descriptor().id())
        .put("seed", Long.toString(c.seed()))
        .put("objective", cfg.objective().name())
        .put("dimension", Integer.toString(cfg.dimension()))
        .put("epochs", Integer.toString(cfg.epochs()))
        .put("learning-rate", Double.toString(cfg.learningRate()))
        .build();
  }

  static List<Metric> validation(TransferContext c, RecommenderModel model) {
    if (c.validation().isEmpty() || c.validation().get().targets().isEmpty()) {
      return List.of();
    }
    Dataset<?> v = c.validation().get();
    if (!(v.targets().get() instanceof RegressionTargets relevance)
        || Arrays.stream(relevance.values().data()).noneMatch(x -> x > 0)) {
      // no held-out interaction among the validation users: nothing to measure
      return List.of();
    }
    if (model.factors().objective() == Objective.MSE) {
      return new RatingErrorEvaluator()
          .evaluate(
              new RecommenderModel(model.factors(), model.provenance(), false).predict(v),
              relevance);
    }
    return new ActivityRankingEvaluator().evaluate(model.predict(v), relevance);
  }
}
