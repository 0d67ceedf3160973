package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.estimate.LogMeEstimator;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.pipeline.TransferPipeline;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in strategies and the model-store loader inside the real pipeline: a job over the
 * circle target with the exported circle source, scratch baseline, guard and winner export.
 */
class PipelineIntegrationTest {

  /** Reads the circle target task (20 examples per cluster, 4 classes). */
  static final class CircleReader implements DatasetReader {
    @Override
    public String id() {
      return "circle";
    }

    @Override
    public String description() {
      return "Generated circle target task.";
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(
          EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
    }

    @Override
    public Set<String> formats() {
      return Set.of("circle");
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
      return new ReadResult<>(Synthetic.circle("circle-target", 20, 4, 31), List.of());
    }
  }

  @Test
  void fineTuneBeatsTheScratchBaselineInAJobAndTheWinnerReopens(@TempDir Path temp) {
    SourceModels.exportCircleSource(temp.resolve("store/circle"));
    RunResult r = runJob(temp, "circle", 1, "scratch", "fine-tune", "self-training", "kmm");
    ModelStoreLoader loader =
        new ModelStoreLoader(
            temp.resolve("store"),
            InputEncoders.of(List.of(new VectorEncoder())),
            DeviceConfig.cpu());

    StrategyOutcome scratch = outcome(r, "scratch");
    StrategyOutcome fineTune = outcome(r, "fine-tune");
    StrategyOutcome selfTraining = outcome(r, "self-training");
    System.out.printf(
        "pipeline: fine-tune %.3f, self-training %.3f, scratch %.3f; winner %s%n",
        fineTune.metric("accuracy").mean(),
        selfTraining.metric("accuracy").mean(),
        scratch.metric("accuracy").mean(),
        r.winner());
    assertTrue(
        fineTune.metric("accuracy").mean() > scratch.metric("accuracy").mean() + 0.1,
        fineTune + " vs " + scratch);
    assertTrue(
        r.skipped().stream().anyMatch(s -> s.strategyId().equals("kmm")), r.skipped().toString());
    assertTrue("fine-tune".equals(r.winner().strategyId()), r.winner().toString());
    // the exported winner is itself a Graft model the store can offer as a source
    Path exported = temp.resolve("run").resolve(TransferPipeline.MODEL_DIR);
    var found =
        loader.discover(
            new SourceQuery(Modality.TABULAR, Optional.of(exported.toString()), Map.of()));
    assertEquals(1, found.size());
  }

  /**
   * A source trained on shuffled labels next to the genuine one: LogME ranks it last, and when the
   * job is forced to transfer from it alone, the guard flags it and scratch wins.
   */
  @Test
  void aSourceTrainedOnShuffledLabelsIsRankedLastAndFlagged(@TempDir Path temp) {
    SourceModels.exportCircleSource(temp.resolve("store/circle"));
    SourceModels.exportShuffledCircleSource(temp.resolve("store/shuffled"));
    RunResult both = runJob(temp, "both", 2, "scratch", "linear-probe");
    assertEquals("store:circle", both.ranking().get(0).sourceId(), both.ranking().toString());
    assertEquals("store:shuffled", both.ranking().get(1).sourceId());
    StrategyOutcome probeShuffled =
        both.outcomes().stream()
            .filter(
                o -> o.strategyId().equals("linear-probe") && o.sourceId().equals("store:shuffled"))
            .findFirst()
            .orElseThrow();
    assertTrue(!probeShuffled.verdict().eligible(), probeShuffled.toString());
    assertTrue(!both.winner().sourceId().equals("store:shuffled"), both.winner().toString());
  }

  private static RunResult runJob(Path temp, String output, int keepTop, String... strategies) {
    InputEncoders encoders = InputEncoders.of(List.of(new VectorEncoder()));
    DeviceConfig cpu = DeviceConfig.cpu();
    ModelStoreLoader loader = new ModelStoreLoader(temp.resolve("store"), encoders, cpu);
    Map<Class<? extends GraftExtension>, List<? extends GraftExtension>> builtins =
        new LinkedHashMap<>();
    builtins.put(DatasetReader.class, List.of(new CircleReader()));
    builtins.put(SourceLoader.class, List.of(loader));
    builtins.put(TransferabilityEstimator.class, List.of(new LogMeEstimator()));
    builtins.put(
        TransferStrategy.class,
        List.of(
            new ScratchStrategy(encoders, cpu),
            new FineTuneStrategy(encoders, cpu),
            new SelfTrainingStrategy(cpu),
            new KmmStrategy(cpu),
            new LinearProbeStrategy(encoders, cpu)));
    builtins.put(Evaluator.class, List.of(new ClassificationEvaluator()));
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
    GraftConfig config =
        new GraftConfig(Optional.empty(), cpu, temp.resolve("store"), temp.resolve("cache"));
    Map<String, String> fast = Map.of("lr", "0.01", "batch-size", "8");
    JobSpec.Builder job =
        JobSpec.builder()
            .optName(output)
            .optSeed(3)
            .setTarget(new TargetSpec("circle", "unused", Map.of(), 6, null, null, null))
            .addSource(new SourceSpec("model-store", null, null, null))
            .optEstimators("logme")
            .optKeepTop(keepTop)
            .optEvaluation(new EvaluationSpec("holdout", 3, null, null, "accuracy"))
            .setOutput(output.equals("circle") ? "run" : output);
    for (String s : strategies) {
      job.optStrategy(
          s.equals("scratch") || s.equals("fine-tune")
              ? new StrategySpec(s, fast)
              : StrategySpec.of(s));
    }
    return new TransferPipeline(registry, config).run(job.build(), temp, PipelineListener.NONE);
  }

  static StrategyOutcome outcome(RunResult r, String strategy) {
    return r.outcomes().stream()
        .filter(o -> o.strategyId().equals(strategy))
        .findFirst()
        .orElseThrow(() -> new AssertionError(strategy + " missing from " + r.outcomes()));
  }
}
