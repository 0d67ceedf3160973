package dev.graft.recommender.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.recommender.Fixtures;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import org.junit.jupiter.api.Test;

class FactorTrainerTest {

  @Test
  void biasedMfBeatsTheBiasOnlyBaselineOnHeldOutRatings() {
    Interactions all = Fixtures.lowRankRatings(300, 200, 4, 40, 0.3, 7);
    TrainTest split = RecommenderSplits.globalTime(all, 0.8);
    // time is per user here, so use leave-last-out-like random hold-out via time fraction
    FactorTrainer.Trained mf =
        FactorTrainer.train(split.train(), FactorConfig.biasedMf(8, 1).withEpochs(25), null);
    FactorTrainer.Trained biasOnly =
        FactorTrainer.train(split.train(), FactorConfig.biasedMf(8, 1).withEpochs(25), null);
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
    System.out.println(
        "MF rmse " + rmse + " global-mean rmse " + rmseMean + " losses " + mf.report().losses());
    assertTrue(rmse < 0.9 * rmseMean, "MF " + rmse + " vs global mean " + rmseMean);
    assertEquals(rmse, rmse(biasOnly.model(), split.test()), 1e-6, "same seed, same model");
  }

  @Test
  void bprLearnsTheGeneratedTastes() {
    CrossDomainData d = CrossDomainGenerator.generate(small(3));
    TrainTest split = RecommenderSplits.leaveLastOut(d.target());
    FactorTrainer.Trained bpr =
        FactorTrainer.train(
            split.train(), FactorConfig.twoTower(16, Objective.BPR, 1).withEpochs(20), null);
    System.out.println(
        "BPR losses " + bpr.report().losses() + " " + bpr.report().interactionsPerSecond());
    assertTrue(bpr.report().losses().get(19) < bpr.report().losses().get(0));
  }

  static CrossDomainConfig small(long seed) {
    return new CrossDomainConfig(
        400, 0.6, 200, 300, 200, 8, 30, 20, 0.3, 3, 3.0, 0.5, 0.8, 12, 0.3, seed);
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
