package dev.graft.recommender.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Modality;
import dev.graft.api.provenance.Provenance;
import dev.graft.recommender.Fixtures;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.eval.ActivityRankingEvaluator;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import dev.graft.recommender.transfer.RecommenderModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorTrainerTest {

  @TempDir Path temp;

  static CrossDomainConfig small(long seed) {
    return new CrossDomainConfig(
        400, 0.6, 200, 300, 200, 8, 30, 20, 0.3, 3, 3.0, 0.5, 0.8, 12, 0.3, seed);
  }

  @Test
  void biasedMfBeatsTheGlobalMeanOnHeldOutRatingsAndIsDeterministic() {
    Interactions all = Fixtures.lowRankRatings(300, 200, 4, 40, 0.3, 7);
    TrainTest split = RecommenderSplits.leaveLastOut(all);
    FactorConfig cfg = FactorConfig.biasedMf(8, 1).withEpochs(25);
    FactorTrainer.Trained mf = FactorTrainer.train(split.train(), cfg, null);
    double rmse = rmse(mf.model(), split.test());
    double mean = 0;
    for (int r = 0; r < split.train().size(); r++) {
      mean += split.train().value(r);
    }
    mean /= split.train().size();
    double rmseMean = 0;
    for (int r = 0; r < split.test().size(); r++) {
      rmseMean += Math.pow(split.test().value(r) - mean, 2);
    }
    rmseMean = Math.sqrt(rmseMean / split.test().size());
    assertTrue(rmse < 0.9 * rmseMean, "MF " + rmse + " vs global mean " + rmseMean);
    assertTrue(mf.report().losses().get(24) < mf.report().losses().get(0));
    FactorTrainer.Trained again = FactorTrainer.train(split.train(), cfg, null);
    assertArrayEquals(
        mf.model().userVectors(), again.model().userVectors(), "same seed, same model");
  }

  @Test
  void bprBeatsPopularityForWarmUsers() {
    CrossDomainData d = CrossDomainGenerator.generate(small(3));
    TrainTest split = RecommenderSplits.leaveLastOut(d.target());
    FactorModel bpr =
        FactorTrainer.train(
                split.train(),
                FactorConfig.twoTower(16, Objective.BPR, 1).withEpochs(40).withBatch(256, 4.0),
                null)
            .model();
    Dataset<UserHistory> test = test(split);
    double model = warmNdcg(bpr, test);
    int[] counts = split.train().itemCounts();
    float[] bias = new float[counts.length];
    for (int i = 0; i < bias.length; i++) {
      bias[i] = counts[i];
    }
    FactorModel popularity =
        new FactorModel(
            Objective.BPR,
            1,
            split.train().userIds(),
            split.train().catalog(),
            new float[split.train().numUsers()],
            new float[split.train().numUsers()],
            new float[counts.length],
            bias,
            0,
            null);
    double pop = warmNdcg(popularity, test);
    assertTrue(model > 1.5 * pop, "BPR " + model + " vs popularity " + pop);
  }

  @Test
  void aContentTowerWithSampledSoftmaxEmbedsItemsFromContentAlone() throws Exception {
    CrossDomainData d = CrossDomainGenerator.generate(small(4));
    FactorConfig cfg =
        FactorConfig.twoTower(8, Objective.SAMPLED_SOFTMAX, 2)
            .withEpochs(8)
            .withContentTower(16, false);
    FactorTrainer.Trained t = FactorTrainer.train(d.target(), cfg, null);
    assertTrue(
        t.report().losses().get(7) < t.report().losses().get(0), t.report().losses().toString());
    FactorModel m = t.model();
    float[] fromContent = m.embedNewItems(d.target().catalog().content().orElseThrow());
    assertArrayEquals(
        m.itemVectors(), fromContent, 1e-5f, "no id embeddings: item = tower(content)");
    // round trip through the model folder
    Path dir = temp.resolve("model");
    Files.createDirectories(dir);
    FactorModels.write(m, dir, Provenance.builder("test").put("seed", 2).build());
    FactorModel back = FactorModels.read(dir);
    assertArrayEquals(m.userVectors(), back.userVectors());
    assertArrayEquals(m.scores(5), back.scores(5), 1e-6f);
    assertArrayEquals(
        fromContent, back.embedNewItems(d.target().catalog().content().orElseThrow()), 1e-6f);
    assertTrue(Files.readString(dir.resolve(FactorModels.MANIFEST)).contains("\"seed\": \"2\""));
  }

  @Test
  void anObjectiveThatDoesNotFitTheFeedbackIsRefused() {
    Interactions ratings = Fixtures.lowRankRatings(20, 20, 2, 5, 0.1, 1);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> FactorTrainer.train(ratings, FactorConfig.twoTower(4, Objective.BPR, 1), null));
    assertEquals(RecommenderErrors.NOT_INTERACTION_DATA, e.errorId());
    assertTrue(e.getMessage().contains("MSE"), e.getMessage());
  }

  @Test
  void predictionsMaskHistoryAndFoldInUnknownUsers() {
    Interactions all = Fixtures.lowRankRatings(50, 30, 2, 8, 0.2, 3);
    FactorModel m =
        FactorTrainer.train(all, FactorConfig.biasedMf(4, 1).withEpochs(5), null).model();
    Dataset<UserHistory> data =
        RecommenderData.dataset(
            new DatasetInfo("x", Modality.RECOMMENDATION, null, null, null), all, null);
    UserHistory known = data.example(0);
    UserHistory stranger =
        new UserHistory(
            "nobody", known.items(), known.values(), known.timestamps(), known.catalog());
    Dataset<UserHistory> two = Dataset.unlabelled(data.info(), java.util.List.of(known, stranger));
    Predictions p = new RecommenderModel(m, Provenance.builder("t").build(), true).predict(two);
    for (int i : known.items()) {
      assertEquals(Double.NEGATIVE_INFINITY, p.outputs().orElseThrow().get(0, i));
      assertEquals(Double.NEGATIVE_INFINITY, p.outputs().orElseThrow().get(1, i));
    }
    for (int i = 0; i < 30; i++) {
      double v = p.outputs().orElseThrow().get(1, i);
      assertTrue(v == Double.NEGATIVE_INFINITY || Double.isFinite(v));
    }
  }

  private static Dataset<UserHistory> test(TrainTest split) {
    return RecommenderData.dataset(
        new DatasetInfo("t", Modality.RECOMMENDATION, null, null, null),
        split.train(),
        split.test());
  }

  private static double warmNdcg(FactorModel m, Dataset<UserHistory> test) {
    Predictions p = new RecommenderModel(m, Provenance.builder("t").build(), true).predict(test);
    Map<String, Double> metrics = new java.util.HashMap<>();
    new ActivityRankingEvaluator()
        .evaluate(p, (RegressionTargets) test.targets().orElseThrow())
        .forEach(x -> metrics.put(x.name(), x.value()));
    return metrics.get("ndcg@10/warm");
  }

  private static double rmse(FactorModel m, Interactions test) {
    double s = 0;
    for (int r = 0; r < test.size(); r++) {
      float p = m.scores(test.user(r))[test.item(r)];
      s += Math.pow(p - test.value(r), 2);
    }
    return Math.sqrt(s / test.size());
  }
}
