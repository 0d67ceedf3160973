package dev.graft.recommender.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.command.ScenarioDataCommand;
import dev.graft.recommender.eval.ActivityRankingEvaluator;
import dev.graft.recommender.read.InteractionsCsvReader;
import dev.graft.testkit.contract.ExtensionContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recommender extensions composed as the pipeline composes them (reader with a holdout, source
 * loader, strategies on a seeded user split with the test users as unlabelled target, evaluator),
 * on the files {@code graft recommender scenario-data} writes.
 */
class PipelineFlowTest {

  @TempDir Path temp;

  @Test
  void emcdrBeatsTargetOnlyForColdUsersOnTheScenarioFiles() throws Exception {
    StringWriter out = new StringWriter();
    int rc =
        new ScenarioDataCommand()
            .execute(
                List.of(
                    "--out",
                    temp.toString(),
                    "--seed",
                    "2",
                    "--epochs",
                    "40",
                    "--target-users",
                    "600"),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
    assertEquals(0, rc);
    assertTrue(Files.exists(temp.resolve("cross-domain-cold-start.yaml")), out.toString());
    Dataset<?> target =
        new InteractionsCsvReader()
            .read(
                temp.resolve("target.csv"),
                new ReadOptions(
                    BadInputPolicy.FAIL,
                    0,
                    Map.of("timestamp-column", "timestamp", "holdout", "last")))
            .dataset();
    RecommenderModelLoader loader = new RecommenderModelLoader();
    List<SourceDescriptor> found =
        loader.discover(
            new SourceQuery(
                Modality.RECOMMENDATION,
                Optional.of(temp.resolve("sources").toString()),
                Map.of()));
    assertEquals(List.of("source-domain"), found.stream().map(SourceDescriptor::id).toList());
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(target.subset(new int[] {0, 1, 2, 3, 4, 5}));
      assertEquals(33, f.cols(), "32-d user embedding + known indicator");
      // seeded user split: half the users train, half are test users (their histories are
      // unlabelled target)
      int n = target.size();
      int[] perm = permutation(n, 11);
      int cut = n / 2;
      int[] trainRows = java.util.Arrays.copyOfRange(perm, 0, cut);
      int[] testRows = java.util.Arrays.copyOfRange(perm, cut, n);
      Dataset<?> train = target.subset(trainRows);
      Dataset<?> test = target.subset(testRows);
      Map<String, Double> baseline =
          run(
              new TargetOnlyStrategy(),
              source,
              train,
              test,
              Map.of("epochs", "40", "learning-rate", "4"));
      Map<String, Double> emcdr =
          run(
              new EmcdrStrategy(),
              source,
              train,
              test,
              Map.of("epochs", "40", "learning-rate", "4"));
      double base = baseline.get("ndcg@10/cold");
      double transfer = emcdr.get("ndcg@10/cold");
      assertTrue(transfer > 1.2 * base, "emcdr " + transfer + " vs target-only " + base);
      assertTrue(
          emcdr.get("ndcg@10/warm") > 0.95 * baseline.get("ndcg@10/warm"),
          "warm users: emcdr " + emcdr.get("ndcg@10/warm") + " vs " + baseline.get("ndcg@10/warm"));
    }
  }

  @Test
  void aSourceWithoutSharedUsersIsAClearError() throws Exception {
    new ScenarioDataCommand()
        .execute(
            List.of(
                "--out",
                temp.toString(),
                "--seed",
                "3",
                "--epochs",
                "1",
                "--overlap",
                "0",
                "--target-users",
                "100"),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
    Dataset<?> target =
        new InteractionsCsvReader()
            .read(
                temp.resolve("target.csv"),
                new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("holdout", "last")))
            .dataset();
    RecommenderModelLoader loader = new RecommenderModelLoader();
    try (Source source =
        loader.open(
            loader
                .discover(
                    new SourceQuery(
                        Modality.RECOMMENDATION,
                        Optional.of(temp.resolve("sources").toString()),
                        Map.of()))
                .get(0))) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  run(
                      new EmcdrStrategy(),
                      source,
                      target,
                      target.subset(new int[] {0}),
                      Map.of("epochs", "1")));
      assertEquals(RecommenderErrors.NO_SHARED_USERS, e.errorId());
      assertFalse(e.getMessage().isBlank());
    }
  }

  private Map<String, Double> run(
      dev.graft.api.transfer.TransferStrategy strategy,
      Source source,
      Dataset<?> train,
      Dataset<?> test,
      Map<String, String> options) {
    TransferContext c =
        new TransferContext(
            source,
            train,
            Optional.empty(),
            Optional.of(test.withoutTargets()),
            new TrainingBudget(100, Duration.ofMinutes(5)),
            5,
            options,
            temp.resolve("work"));
    TransferResult r = strategy.transfer(c);
    try (var model = r.model()) {
      Map<String, Double> m = new HashMap<>();
      for (Metric x :
          new ActivityRankingEvaluator()
              .evaluate(model.predict(test), (RegressionTargets) test.targets().orElseThrow())) {
        m.put(x.name(), x.value());
      }
      assertFalse(r.notes().isEmpty());
      return m;
    }
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Nested
  class TargetOnlyContract extends ExtensionContract<dev.graft.api.transfer.TransferStrategy> {
    @Override
    protected dev.graft.api.transfer.TransferStrategy extension() {
      return new TargetOnlyStrategy();
    }
  }

  @Nested
  class EmcdrContract extends ExtensionContract<dev.graft.api.transfer.TransferStrategy> {
    @Override
    protected dev.graft.api.transfer.TransferStrategy extension() {
      return new EmcdrStrategy();
    }
  }

  @Nested
  class LoaderContract extends ExtensionContract<dev.graft.api.source.SourceLoader> {
    @Override
    protected dev.graft.api.source.SourceLoader extension() {
      return new RecommenderModelLoader();
    }
  }
}
