package dev.graft.recommender.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import dev.graft.recommender.transfer.RecommenderSource;
import dev.graft.testkit.contract.TransferabilityEstimatorContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RankingProbeEstimatorTest {

  @Test
  void aSourceThatKnowsTheUsersOutranksOneWithShuffledUsers() {
    CrossDomainData d =
        CrossDomainGenerator.generate(
            new CrossDomainConfig(
                500, 1.0, 100, 200, 150, 8, 30, 15, 0.0, 3, 3.0, 0.3, 0.5, 0, 0, 8));
    FactorModel source =
        FactorTrainer.train(
                d.source(),
                FactorConfig.twoTower(8, Objective.BPR, 1).withEpochs(20).withBatch(256, 4.0),
                null)
            .model();
    List<String> shuffledIds = new ArrayList<>(source.userIds());
    Collections.shuffle(shuffledIds, new Random(1));
    FactorModel shuffled =
        new FactorModel(
            source.objective(),
            source.dimension(),
            shuffledIds,
            source.catalog(),
            source.userVectors(),
            source.userBiases(),
            source.itemVectors(),
            source.itemBiases(),
            0,
            null);
    TrainTest split = RecommenderSplits.leaveLastOut(d.target());
    Dataset<UserHistory> target =
        RecommenderData.dataset(
            new DatasetInfo("t", Modality.RECOMMENDATION, null, null, null),
            split.train(),
            split.test());
    TransferabilityEstimator e = new RankingProbeEstimator();
    TransferabilityScore good = e.estimate(input(source, target));
    TransferabilityScore bad = e.estimate(input(shuffled, target));
    assertTrue(good.betterThan(bad), "real " + good + " vs shuffled " + bad);
    assertTrue(good.details().get("lift") > 0, good.toString());
    assertEquals(
        good.value(), e.estimate(input(source, target)).value(), "deterministic for a seed");
  }

  @Test
  void classLabelsAreRefused() {
    EstimationInput in =
        EstimationInput.of(
            FeatureMatrix.of(new double[][] {{1}, {2}}),
            dev.graft.api.data.ClassLabels.of(new int[] {0, 1}, 2));
    assertThrows(GraftException.class, () -> new RankingProbeEstimator().estimate(in));
  }

  private static EstimationInput input(FactorModel source, Dataset<UserHistory> target) {
    RecommenderSource s =
        new RecommenderSource(
            new SourceDescriptor(
                "s",
                "recommender-model",
                SourceKind.PRETRAINED_MODEL,
                Modality.RECOMMENDATION,
                "",
                Map.of()),
            source,
            null);
    return EstimationInput.of(s.features(target), target.targets().orElseThrow()).withSeed(3);
  }

  @Nested
  class Contract extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new RankingProbeEstimator();
    }
  }
}
