package dev.graft.recommender.scenario;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Modality;
import dev.graft.api.provenance.Provenance;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.eval.ActivityRankingEvaluator;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import dev.graft.recommender.transfer.CrossDomainTransfer;
import dev.graft.recommender.transfer.RecommenderModel;
import dev.graft.recommender.transfer.UserEmbeddings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the cold-start scenario: two generated domains sharing users, leave-last-out on the
 * target, and four models measured on the same held-out items with {@link ActivityRankingEvaluator}
 * (full catalogue): {@code popularity} (training counts, a sanity floor), {@code target-only},
 * {@code emcdr-map} and {@code emcdr-regularise}. Metrics carry the evaluator's {@code /cold} and
 * {@code /warm} suffixes plus {@code /cold-shared} (cold users who are also source users, the only
 * ones transfer can reach).
 */
public final class CrossDomainScenario {

  /** The methods, in report order. */
  public static final List<String> METHODS =
      List.of("popularity", "target-only", "emcdr-map", "emcdr-regularise");

  private CrossDomainScenario() {}

  /**
   * What one seed produced.
   *
   * @param seed the seed (data, models and sampling)
   * @param metrics metric name to value, per method
   * @param notes what the transfer did
   * @param sourceInteractions source training interactions
   * @param targetInteractions target training interactions
   */
  public record Run(
      long seed,
      Map<String, Map<String, Double>> metrics,
      List<String> notes,
      int sourceInteractions,
      int targetInteractions) {}

  /**
   * Runs one seed.
   *
   * @param data the data configuration (its seed is replaced by {@code seed})
   * @param model how every target model trains (its seed is replaced by {@code seed})
   * @param sourceModel how the source model trains (its seed is replaced by {@code seed})
   * @param regularisePriorWeight the prior weight of {@code emcdr-regularise}
   * @param seed the seed
   * @return the metrics per method
   */
  public static Run run(
      CrossDomainConfig data,
      FactorConfig model,
      FactorConfig sourceModel,
      double regularisePriorWeight,
      long seed) {
    CrossDomainData d = CrossDomainGenerator.generate(data.withSeed(seed));
    FactorConfig cfg = model.withSeed(seed);
    TrainTest split = RecommenderSplits.leaveLastOut(d.target());
    Dataset<UserHistory> test =
        RecommenderData.dataset(
            new DatasetInfo(
                "target", Modality.RECOMMENDATION, "generated", "seed:" + seed, Map.of()),
            split.train(),
            split.test());
    FactorModel source = FactorTrainer.train(d.source(), sourceModel.withSeed(seed), null).model();
    UserEmbeddings embeddings = UserEmbeddings.of(source);
    FactorModel targetOnly = FactorTrainer.train(split.train(), cfg, null).model();
    CrossDomainTransfer.Outcome map =
        CrossDomainTransfer.transfer(
            embeddings,
            split.train(),
            cfg,
            new CrossDomainTransfer.Settings(CrossDomainTransfer.Mode.MAP, data.coldMax(), 1.0, 0),
            targetOnly);
    CrossDomainTransfer.Outcome reg =
        CrossDomainTransfer.transfer(
            embeddings,
            split.train(),
            cfg,
            new CrossDomainTransfer.Settings(
                CrossDomainTransfer.Mode.REGULARISE, data.coldMax(), 1.0, regularisePriorWeight),
            targetOnly);
    Map<String, FactorModel> models = new LinkedHashMap<>();
    models.put("popularity", popularity(split.train()));
    models.put("target-only", targetOnly);
    models.put("emcdr-map", map.model());
    models.put("emcdr-regularise", reg.model());
    ActivityRankingEvaluator evaluator = new ActivityRankingEvaluator(10, data.coldMax());
    int[] coldShared = coldSharedRows(test, d.sharedUsers(), data.coldMax());
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Map.Entry<String, FactorModel> e : models.entrySet()) {
      RecommenderModel m =
          new RecommenderModel(e.getValue(), Provenance.builder("scenario").build(), true);
      Predictions p = m.predict(test);
      RegressionTargets truth = (RegressionTargets) test.targets().orElseThrow();
      Map<String, Double> values = new LinkedHashMap<>();
      for (Metric metric : evaluator.evaluate(p, truth)) {
        values.put(metric.name(), metric.value());
      }
      FeatureMatrix scores = p.outputs().orElseThrow();
      Predictions sub = Predictions.ofOutputs(scores.selectRows(coldShared));
      for (Metric metric :
          evaluator.evaluate(sub, new RegressionTargets(truth.values().selectRows(coldShared)))) {
        if (metric.name().endsWith("/cold")) {
          values.put(metric.name().replace("/cold", "/cold-shared"), metric.value());
        }
      }
      out.put(e.getKey(), values);
    }
    List<String> notes = new ArrayList<>(map.notes());
    notes.addAll(reg.notes());
    return new Run(seed, out, notes, d.source().size(), split.train().size());
  }

  private static int[] coldSharedRows(Dataset<UserHistory> test, Set<String> shared, int coldMax) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < test.size(); r++) {
      UserHistory h = test.example(r);
      if (shared.contains(h.userId()) && h.size() <= coldMax) {
        rows.add(r);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Items scored by their training interaction count (the popularity baseline). */
  static FactorModel popularity(Interactions train) {
    int[] counts = train.itemCounts();
    float[] bias = new float[counts.length];
    for (int i = 0; i < counts.length; i++) {
      bias[i] = counts[i];
    }
    return new FactorModel(
        dev.graft.recommender.model.Objective.BPR,
        1,
        train.userIds(),
        train.catalog(),
        new float[train.numUsers()],
        new float[train.numUsers()],
        new float[counts.length],
        bias,
        0f,
        null);
  }
}
