package dev.graft.recommender.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.extension.Modality;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorModels;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.split.RecommenderSplits;
import dev.graft.recommender.split.TrainTest;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import dev.graft.testkit.contract.SourceLoaderContract;
import dev.graft.testkit.contract.TransferStrategyContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/**
 * The testkit's strategy and source-loader contracts on a small generated cross-domain fixture.
 *
 * <p>The validation users of the strategy fixture have empty histories: the strategy contract
 * requires every prediction to be finite, while a recommender masks each user's history with {@code
 * -Infinity} (the engine's ranking-evaluator convention), so users with history would fail that
 * check although the masking is intended. Users without history are folded in from nothing and get
 * finite scores for every item.
 */
class ContractsTest {

  private static final Fixture FIXTURE = new Fixture();

  /** Data and a source model, built once. */
  static final class Fixture {
    private CrossDomainData data;
    private FactorModel source;
    private Dataset<UserHistory> train;
    private Dataset<UserHistory> validation;

    synchronized void build() {
      if (data != null) {
        return;
      }
      data =
          CrossDomainGenerator.generate(
              new CrossDomainConfig(120, 0.6, 40, 60, 50, 4, 8, 8, 0.3, 3, 3, 0.5, 0.5, 0, 0, 5));
      source =
          FactorTrainer.train(
                  data.source(), FactorConfig.twoTower(8, Objective.BPR, 1).withEpochs(2), null)
              .model();
      TrainTest split = RecommenderSplits.leaveLastOut(data.target());
      Dataset<UserHistory> all =
          RecommenderData.dataset(
              new DatasetInfo("target", Modality.RECOMMENDATION, "generated", "seed:5", Map.of()),
              split.train(),
              split.test());
      int[] first = new int[90];
      for (int i = 0; i < first.length; i++) {
        first[i] = i;
      }
      train = all.subset(first);
      int[] rest = new int[all.size() - 90];
      for (int i = 90; i < all.size(); i++) {
        rest[i - 90] = i;
      }
      validation = all.subset(rest);
    }

    Source open() {
      build();
      return new RecommenderSource(
          new SourceDescriptor(
              "source-domain",
              RecommenderModelLoader.ID,
              SourceKind.PRETRAINED_MODEL,
              Modality.RECOMMENDATION,
              "memory",
              Map.of()),
          source,
          null);
    }
  }

  abstract static class StrategyContract extends TransferStrategyContract {
    @Override
    protected Source openSource(Path dir) {
      return FIXTURE.open();
    }

    @Override
    protected Dataset<?> targetTrain() {
      FIXTURE.build();
      return FIXTURE.train;
    }

    @Override
    protected Dataset<?> targetValidation() {
      FIXTURE.build();
      return FIXTURE.validation;
    }
  }

  @Nested
  class TargetOnly extends StrategyContract {
    @Override
    protected TransferStrategy extension() {
      return new TargetOnlyStrategy();
    }

    @Override
    protected Map<String, String> invalidOptions() {
      return Map.of("objective", "hinge");
    }
  }

  @Nested
  class Emcdr extends StrategyContract {
    @Override
    protected TransferStrategy extension() {
      return new EmcdrStrategy();
    }

    @Override
    protected Map<String, String> invalidOptions() {
      return Map.of("mode", "sideways");
    }
  }

  @Nested
  class Loader extends SourceLoaderContract {
    @Override
    protected SourceLoader extension() {
      return new RecommenderModelLoader();
    }

    @Override
    protected SourceQuery writeValidSources(Path dir) throws Exception {
      FIXTURE.build();
      Path model = dir.resolve("books");
      Files.createDirectories(model);
      FactorModels.write(FIXTURE.source, model, Provenance.builder("test").build());
      return new SourceQuery(Modality.RECOMMENDATION, Optional.of(dir.toString()), Map.of());
    }

    @Override
    protected Optional<Dataset<?>> probeData() {
      FIXTURE.build();
      return Optional.of(FIXTURE.train);
    }
  }
}
