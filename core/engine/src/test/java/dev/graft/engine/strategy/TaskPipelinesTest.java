package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.estimate.LogMeEstimator;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.evaluate.RankingEvaluator;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline beyond labelled classification: a target with no labels at all ({@code
 * labels-per-class: 0}, unsupervised domain adaptation judged against {@code source-only}) and a
 * ranking task (a relevance matrix as the truth, a named baseline, any evaluator metric).
 */
class TaskPipelinesTest {

  /** A reader returning a fixed data set. */
  record FixedReader(String id, TaskType task, Dataset<float[]> data) implements DatasetReader {
    @Override
    public String description() {
      return "Fixed test data.";
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(EnumSet.of(Modality.TABULAR), EnumSet.of(task), Set.of());
    }

    @Override
    public Set<String> formats() {
      return Set.of(id);
    }

    @Override
    public Class<?> exampleType() {
      return float[].class;
    }

    @Override
    public boolean accepts(Path path) {
      return true;
    }

    @Override
    public ReadResult<?> read(Path path, ReadOptions options) {
      return new ReadResult<>(data, List.of());
    }
  }

  private static TransferPipeline pipeline(
      Path temp, DatasetReader reader, List<TransferStrategy> strategies, Evaluator evaluator) {
    InputEncoders encoders = InputEncoders.of(List.of(new VectorEncoder()));
    DeviceConfig cpu = DeviceConfig.cpu();
    Map<Class<? extends GraftExtension>, List<? extends GraftExtension>> builtins =
        new LinkedHashMap<>();
    builtins.put(DatasetReader.class, List.of(reader));
    builtins.put(
        SourceLoader.class, List.of(new ModelStoreLoader(temp.resolve("store"), encoders, cpu)));
    builtins.put(
        TransferabilityEstimator.class, List.of(new LogMeEstimator(), new RelevanceMass()));
    builtins.put(TransferStrategy.class, strategies);
    builtins.put(Evaluator.class, List.of(evaluator));
    builtins.put(InputEncoder.class, List.of(new VectorEncoder()));
    ExtensionRegistry registry =
        ExtensionRegistry.build(
            builtins,
            PluginHost.start(
                Optional.empty(),
                "0.1.0",
                type -> {
                  throw new AssertionError(type);
                }));
    return new TransferPipeline(
        registry,
        new GraftConfig(Optional.empty(), cpu, temp.resolve("store"), temp.resolve("cache")));
  }

  @Test
  void withoutTargetLabelsSelfTrainingIsJudgedAgainstSourceOnly(@TempDir Path temp)
      throws Exception {
    SourceModels.exportCircleSource(temp.resolve("store/circle"));
    InputEncoders encoders = InputEncoders.of(List.of(new VectorEncoder()));
    DeviceConfig cpu = DeviceConfig.cpu();
    TransferPipeline pipeline =
        pipeline(
            temp,
            new FixedReader(
                "rotated",
                TaskType.CLASSIFICATION,
                UnsupervisedAdaptationTest.shiftedCircle(40, 31)),
            List.of(
                new SourceOnlyStrategy(encoders, cpu),
                new NetworkSelfTrainingStrategy(encoders, cpu),
                new FineTuneStrategy(encoders, cpu),
                new ScratchStrategy(encoders, cpu)),
            new ClassificationEvaluator());
    JobSpec job =
        JobSpec.builder()
            .optName("unlabelled")
            .optSeed(3)
            .setTarget(new TargetSpec("rotated", "unused", Map.of(), 0, null, null, null))
            .addSource(new SourceSpec("model-store", null, null, null))
            .optEstimators("logme")
            .optStrategy(
                new StrategySpec(
                    "self-training-network",
                    Map.of("lr", "0.005", "batch-size", "16", "augment", "false")))
            .optStrategy(StrategySpec.of("fine-tune"))
            .optEvaluation(new EvaluationSpec("holdout", 2, null, null, "accuracy"))
            .setOutput("run")
            .build();
    assertEquals("source-only", job.baseline());
    List<String> notes = new ArrayList<>();
    RunResult r =
        pipeline.run(
            job,
            temp,
            new PipelineListener() {
              @Override
              public void note(String message) {
                notes.add(message);
              }
            });
    StrategyOutcome base = outcome(r, "source-only");
    StrategyOutcome adapted = outcome(r, "self-training-network");
    System.out.printf(
        "pipeline k=0: source-only %.3f, self-training-network %.3f, winner %s%n",
        base.metric("accuracy").mean(), adapted.metric("accuracy").mean(), r.winner());
    assertEquals(GuardVerdict.BASELINE, base.verdict());
    assertEquals(GuardVerdict.BEATS_SCRATCH, adapted.verdict(), adapted.toString());
    assertEquals("self-training-network", r.winner().strategyId());
    assertEquals("source-only", r.baselineStrategy());
    assertTrue(
        r.skipped().stream()
            .anyMatch(
                s ->
                    s.strategyId().equals("fine-tune")
                        && s.reason().contains("labelled target examples")),
        r.skipped().toString());
    assertTrue(
        notes.stream().anyMatch(n -> n.contains("cannot rank the sources")), notes.toString());
    assertEquals(2, base.metric("accuracy").perRun().size(), "one value per seed");
    String html = Files.readString(temp.resolve("run/report.html"));
    assertTrue(html.contains("baseline (source-only)"), "report names the baseline");
  }

  @Test
  void anUnlabelledTargetCannotUseScratchOrLabelBudgets() {
    TargetSpec unlabelled = new TargetSpec("rotated", "unused", Map.of(), 0, null, null, null);
    ConfigException scratch =
        assertThrows(
            ConfigException.class,
            () ->
                JobSpec.builder()
                    .setTarget(unlabelled)
                    .addSource(new SourceSpec("model-store", null, null, null))
                    .optEvaluation(
                        new EvaluationSpec(
                            "holdout", 1, null, null, "accuracy", null, null, "scratch"))
                    .setOutput("run")
                    .build());
    assertTrue(scratch.getMessage().contains("evaluation.baseline"), scratch.getMessage());
    ConfigException kfold =
        assertThrows(
            ConfigException.class,
            () ->
                JobSpec.builder()
                    .setTarget(unlabelled)
                    .addSource(new SourceSpec("model-store", null, null, null))
                    .optEvaluation(new EvaluationSpec("kfold", 1, 3, null, "accuracy"))
                    .setOutput("run")
                    .build());
    assertTrue(kfold.getMessage().contains("holdout"), kfold.getMessage());
  }

  // ---- ranking -----------------------------------------------------------------------------

  static final int USERS = 60;
  static final int ITEMS = 30;
  static final int DIM = 4;

  /**
   * Users as examples (their latent taste, 4 values, then the user's index, padded to the source's
   * 12 inputs), items with latent factors; the truth is each user's relevance of the 5 items they
   * like best (held out), with 3 other liked items seen in training and masked.
   */
  static final class World {
    final float[][] taste = new float[USERS][DIM];
    final float[][] items = new float[ITEMS][DIM];
    final double[] relevance = new double[USERS * ITEMS];
    final boolean[] seen = new boolean[USERS * ITEMS];

    World(long seed) {
      Random r = new Random(seed);
      for (float[] row : taste) {
        for (int d = 0; d < DIM; d++) {
          row[d] = (float) r.nextGaussian();
        }
      }
      for (float[] row : items) {
        for (int d = 0; d < DIM; d++) {
          row[d] = (float) r.nextGaussian();
        }
      }
      for (int u = 0; u < USERS; u++) {
        Integer[] order = new Integer[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
          order[i] = i;
        }
        final int user = u;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score(user, b), score(user, a)));
        for (int j = 0; j < 8; j++) {
          int i = order[j];
          if (j % 3 == 0) {
            seen[u * ITEMS + i] = true;
          } else {
            relevance[u * ITEMS + i] = 1;
          }
        }
      }
    }

    double score(int u, int i) {
      double s = 0;
      for (int d = 0; d < DIM; d++) {
        s += taste[u][d] * items[i][d];
      }
      return s;
    }

    Dataset<float[]> dataset() {
      List<float[]> x = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        float[] e = new float[Synthetic.DIM]; // the source model's input width
        System.arraycopy(taste[u], 0, e, 0, DIM);
        e[DIM] = u;
        x.add(e);
      }
      return Dataset.labelled(
          Synthetic.info("users"),
          x,
          new RegressionTargets(FeatureMatrix.wrap(USERS, ITEMS, relevance)));
    }
  }

  /** Scores items for users: by popularity in training (baseline) or by the user's taste. */
  record Recommender(String id, World world, boolean personal) implements TransferStrategy {
    @Override
    public String description() {
      return personal ? "Scores by the user's taste." : "Scores by item popularity.";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.anyModality(
          EnumSet.of(TaskType.RANKING), EnumSet.of(Requirement.TARGET_LABELS));
    }

    @Override
    public TransferResult transfer(TransferContext context) {
      double[] popularity = new double[ITEMS];
      RegressionTargets train = (RegressionTargets) context.train().targets().orElseThrow();
      for (int u = 0; u < train.values().rows(); u++) {
        for (int i = 0; i < ITEMS; i++) {
          popularity[i] += train.values().get(u, i);
        }
      }
      TrainedModel model =
          new TrainedModel() {
            @Override
            public Predictions predict(Dataset<?> data) {
              double[] scores = new double[data.size() * ITEMS];
              for (int n = 0; n < data.size(); n++) {
                int u = (int) ((float[]) data.example(n))[DIM];
                for (int i = 0; i < ITEMS; i++) {
                  scores[n * ITEMS + i] =
                      world.seen[u * ITEMS + i]
                          ? Double.NEGATIVE_INFINITY
                          : personal ? world.score(u, i) : popularity[i] + 1e-3 * i;
                }
              }
              return Predictions.ofOutputs(FeatureMatrix.wrap(data.size(), ITEMS, scores));
            }

            @Override
            public dev.graft.api.provenance.Provenance provenance() {
              return dev.graft.api.provenance.Provenance.builder("model")
                  .put("strategy.id", id)
                  .build();
            }

            @Override
            public void export(Path directory) {
              try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve("model.txt"), id);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }

            @Override
            public void close() {}
          };
      return new TransferResult(
          id, context.source().descriptor().id(), model, List.of(), List.of(), model.provenance());
    }
  }

  /** A ranking estimator: the mean relevance mass of the rows it is given (checks what it gets). */
  record RelevanceMass() implements TransferabilityEstimator {
    @Override
    public String id() {
      return "relevance-mass";
    }

    @Override
    public String description() {
      return "Mean relevance per training user (test estimator).";
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.anyModality(
          EnumSet.of(TaskType.RANKING), EnumSet.of(Requirement.FEATURES));
    }

    @Override
    public boolean higherIsBetter() {
      return true;
    }

    @Override
    public String interpretation() {
      return "test only";
    }

    @Override
    public dev.graft.api.estimate.TransferabilityScore estimate(
        dev.graft.api.estimate.EstimationInput input) {
      RegressionTargets t = (RegressionTargets) input.targets();
      double sum = 0;
      for (double v : t.values().data()) {
        sum += v;
      }
      return new dev.graft.api.estimate.TransferabilityScore(
          id(), sum / t.values().rows(), true, Map.of(), java.time.Duration.ZERO);
    }
  }

  @Test
  void aRankingJobScoresEveryStrategyAgainstItsNamedBaseline(@TempDir Path temp) {
    SourceModels.exportCircleSource(temp.resolve("store/circle"));
    World world = new World(5);
    TransferPipeline pipeline =
        pipeline(
            temp,
            new FixedReader("users", TaskType.RANKING, world.dataset()),
            List.of(
                new Recommender("popularity", world, false), new Recommender("taste", world, true)),
            new RankingEvaluator());
    JobSpec job =
        JobSpec.builder()
            .optName("ranking")
            .setTarget(new TargetSpec("users", "unused", Map.of(), null, 0.3, null, null))
            .addSource(new SourceSpec("model-store", null, null, null))
            .optStrategy(StrategySpec.of("taste"))
            .optEvaluation(
                new EvaluationSpec(
                    "holdout", 3, null, null, "ndcg@10", "ranking", null, "popularity"))
            .setOutput("run")
            .build();
    RunResult r = pipeline.run(job, temp, PipelineListener.NONE);
    StrategyOutcome popularity = outcome(r, "popularity");
    StrategyOutcome taste = outcome(r, "taste");
    System.out.printf(
        "ranking: popularity ndcg@10 %.3f, taste %.3f%n",
        popularity.metric("ndcg@10").mean(), taste.metric("ndcg@10").mean());
    assertEquals(GuardVerdict.BASELINE, popularity.verdict());
    assertEquals(GuardVerdict.BEATS_SCRATCH, taste.verdict());
    assertTrue(taste.metric("ndcg@10").mean() > 0.95, taste.toString());
    assertTrue(popularity.metric("ndcg@10").mean() < 0.8, popularity.toString());
    assertEquals("taste", r.winner().strategyId());
    // only the ranking estimator scores a ranking target, on the training users' relevance rows
    // (5 held-out relevant items each)
    assertEquals(Set.of("relevance-mass"), r.ranking().get(0).scores().keySet());
    assertEquals(5.0, r.ranking().get(0).scores().get("relevance-mass"), 1e-9);
    assertTrue(r.target().classes().isEmpty());
    assertEquals(USERS, r.target().examples());
  }

  @Test
  void aRankingJobNamesItsBaselineAndAMetricItsEvaluatorReturns(@TempDir Path temp) {
    ConfigException noBaseline =
        assertThrows(
            ConfigException.class,
            () ->
                JobSpec.builder()
                    .setTarget(new TargetSpec("users", "unused", Map.of(), null, 0.3, null, null))
                    .addSource(new SourceSpec("model-store", null, null, null))
                    .optEvaluation(
                        new EvaluationSpec("holdout", 1, null, null, null, "ranking", null, null))
                    .setOutput("run")
                    .build());
    assertTrue(noBaseline.getMessage().contains("evaluation.baseline"), noBaseline.getMessage());

    SourceModels.exportCircleSource(temp.resolve("store/circle"));
    World world = new World(5);
    TransferPipeline pipeline =
        pipeline(
            temp,
            new FixedReader("users", TaskType.RANKING, world.dataset()),
            List.of(new Recommender("popularity", world, false)),
            new RankingEvaluator());
    JobSpec typo =
        JobSpec.builder()
            .setTarget(new TargetSpec("users", "unused", Map.of(), null, 0.3, null, null))
            .addSource(new SourceSpec("model-store", null, null, null))
            .optEvaluation(
                new EvaluationSpec(
                    "holdout", 1, null, null, "ndgc@10", "ranking", null, "popularity"))
            .setOutput("run")
            .build();
    ConfigException e =
        assertThrows(ConfigException.class, () -> pipeline.run(typo, temp, PipelineListener.NONE));
    assertTrue(e.getMessage().contains("'ndgc@10'"), e.getMessage());
    assertTrue(e.getMessage().contains("ndcg@10"), e.getMessage());
  }

  static StrategyOutcome outcome(RunResult r, String strategy) {
    return r.outcomes().stream()
        .filter(o -> o.strategyId().equals(strategy))
        .findFirst()
        .orElseThrow(() -> new AssertionError(strategy + " missing from " + r.outcomes()));
  }
}
