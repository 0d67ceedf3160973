package dev.graft.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.estimate.BuiltinEstimators;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.report.RunResultJson;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a synthetic task whose sources are known to help or not. */
class TransferPipelineTest {

  @TempDir Path temp;

  private final SyntheticTask.Loader loader = new SyntheticTask.Loader();

  private TransferPipeline pipeline() throws Exception {
    List<GraftExtension> estimators = new ArrayList<>();
    for (Class<? extends TransferabilityEstimator> c : BuiltinEstimators.all()) {
      estimators.add(c.getDeclaredConstructor().newInstance());
    }
    Map<Class<? extends GraftExtension>, List<? extends GraftExtension>> builtins =
        new LinkedHashMap<>();
    builtins.put(DatasetReader.class, List.of(new SyntheticTask.Reader()));
    builtins.put(SourceLoader.class, List.of(loader));
    builtins.put(TransferabilityEstimator.class, estimators);
    builtins.put(
        TransferStrategy.class,
        List.of(
            new SyntheticTask.CentroidProbe(),
            new SyntheticTask.Scratch(),
            new SyntheticTask.NeedsSourceData()));
    builtins.put(Evaluator.class, List.of(new ClassificationEvaluator()));
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
        new GraftConfig(
            Optional.empty(), DeviceConfig.cpu(), temp.resolve("models"), temp.resolve("cache"));
    return new TransferPipeline(registry, config);
  }

  private static JobSpec.Builder job(String output) {
    return JobSpec.builder()
        .optName("synthetic")
        .optSeed(11)
        .setTarget(
            new TargetSpec("synthetic", "unused", Map.of("per-class", "60"), 3, null, null, null))
        .addSource(new SourceSpec("toy", null, null, null))
        .optEstimators("logme", "hscore", "gbc")
        .optKeepTop(2)
        .optStrategy(StrategySpec.of("centroid-probe"))
        .optStrategy(StrategySpec.of("kmm-like"))
        .optEvaluation(new EvaluationSpec("holdout", 5, null, null, "accuracy"))
        .setOutput(output);
  }

  /** Collects notes. */
  static final class Notes implements PipelineListener {
    final List<String> notes = new ArrayList<>();

    @Override
    public void note(String message) {
      notes.add(message);
    }
  }

  @Test
  void ranksTransfersGuardsAndExportsTheWinner() throws Exception {
    RunResult r = pipeline().run(job("run").build(), temp, PipelineListener.NONE);

    assertEquals("oracle", r.ranking().get(0).sourceId(), () -> r.ranking().toString());
    assertEquals("shuffled", r.ranking().get(1).sourceId());
    assertTrue(r.ranking().get(0).scores().keySet().containsAll(List.of("logme", "hscore", "gbc")));

    StrategyOutcome good = outcome(r, "centroid-probe", "oracle");
    StrategyOutcome bad = outcome(r, "centroid-probe", "shuffled");
    StrategyOutcome scratch = outcome(r, "scratch", "oracle");
    assertEquals(GuardVerdict.BASELINE, scratch.verdict());
    assertEquals(GuardVerdict.BEATS_SCRATCH, good.verdict(), good::toString);
    assertTrue(good.metric("accuracy").mean() > scratch.metric("accuracy").mean() + 0.1);
    assertFalse(bad.verdict().eligible(), bad::toString);
    assertEquals(5, good.metric("accuracy").perRun().size());
    assertTrue(good.metric("accuracy").lower() <= good.metric("accuracy").mean());
    assertEquals(4, good.confusion().length);

    assertEquals("centroid-probe", r.winner().strategyId());
    assertEquals("oracle", r.winner().sourceId());
    assertTrue(r.winner().reason().contains("beat scratch"), r.winner().reason());
    assertTrue(Files.exists(temp.resolve("run/model/centroids.txt")));
    assertEquals(r, RunResultJson.read(temp.resolve("run/result.json")));
    String html = Files.readString(temp.resolve("run/report.html"));
    assertTrue(html.contains("centroid-probe"), "report names the winner");

    assertTrue(
        r.skipped().stream()
            .anyMatch(
                s ->
                    s.strategyId().equals("kmm-like")
                        && s.reason().contains("labelled source data")),
        () -> r.skipped().toString());
    assertTrue(loader.opened.stream().allMatch(s -> s.closed), "sources are closed after the run");
    assertEquals(240, r.target().examples());
    assertEquals(
        java.util.Set.of("read", "features", "rank", "transfer", "export", "projection"),
        r.timingsSeconds().keySet());
  }

  @Test
  void aRerunReusesFinishedRuns() throws Exception {
    pipeline().run(job("run").build(), temp, PipelineListener.NONE);
    Notes notes = new Notes();
    RunResult again = pipeline().run(job("run").build(), temp, notes);
    assertTrue(
        notes.notes.stream().filter(n -> n.startsWith("reused finished run")).count() >= 8,
        () -> notes.notes.toString());
    assertEquals("centroid-probe", again.winner().strategyId());
  }

  @Test
  void whenTransferDoesNotHelpScratchIsKept() throws Exception {
    JobSpec spec =
        job("neg").addSource(new SourceSpec("toy", null, List.of("shuffled"), null)).build();
    // only the useless source: rebuild with a single, selective source entry
    spec =
        new JobSpec(
            spec.name(),
            spec.seed(),
            spec.target(),
            List.of(new SourceSpec("toy", null, List.of("shuffled"), null)),
            spec.estimators(),
            1,
            spec.strategies(),
            spec.evaluation(),
            spec.budget(),
            "neg");
    RunResult r = pipeline().run(spec, temp, PipelineListener.NONE);
    assertEquals("scratch", r.winner().strategyId());
    assertTrue(r.winner().reason().contains("negative transfer"), r.winner().reason());
    assertFalse(outcome(r, "centroid-probe", "shuffled").verdict().eligible());
  }

  @Test
  void ensembleCombinesTheBestModelOfEachTopSourceWeightedByRank() throws Exception {
    JobSpec spec = job("ens").optStrategy(StrategySpec.of("ensemble")).build();
    RunResult r = pipeline().run(spec, temp, PipelineListener.NONE);
    StrategyOutcome e = outcome(r, "ensemble", "oracle+shuffled");
    assertEquals(5, e.metric("accuracy").perRun().size());
    assertEquals(
        List.of(
            "member centroid-probe@oracle weight 0.667",
            "member centroid-probe@shuffled weight 0.333"),
        e.notes());
    StrategyOutcome oracle = outcome(r, "centroid-probe", "oracle");
    StrategyOutcome shuffled = outcome(r, "centroid-probe", "shuffled");
    double acc = e.metric("accuracy").mean();
    assertTrue(acc > shuffled.metric("accuracy").mean(), "the ensemble beats its weak member");
    assertTrue(acc <= oracle.metric("accuracy").mean() + 0.05, "and is bounded by its strong one");

    JobSpec single = job("ens1").optKeepTop(1).optStrategy(StrategySpec.of("ensemble")).build();
    RunResult one = pipeline().run(single, temp, PipelineListener.NONE);
    assertTrue(
        one.skipped().stream()
            .anyMatch(
                s -> s.strategyId().equals("ensemble") && s.reason().contains("at least two")),
        () -> one.skipped().toString());
  }

  @Test
  void badJobsFailBeforeAnyWork() throws Exception {
    TransferPipeline p = pipeline();
    GraftException unknown =
        assertThrows(
            GraftException.class,
            () ->
                p.run(
                    job("x").optStrategy(StrategySpec.of("centroid-prob")).build(),
                    temp,
                    PipelineListener.NONE));
    assertTrue(
        unknown.getMessage().contains("did you mean 'centroid-probe'?"), unknown.getMessage());

    JobSpec tooMany =
        job("y")
            .setTarget(
                new TargetSpec(
                    "synthetic", "unused", Map.of("per-class", "5"), 5, null, null, null))
            .build();
    GraftException budget =
        assertThrows(GraftException.class, () -> p.run(tooMany, temp, PipelineListener.NONE));
    assertTrue(budget.getMessage().contains("5"), budget.getMessage());
    assertTrue(loader.opened.isEmpty(), "no source was opened for an invalid job");
  }

  private static StrategyOutcome outcome(RunResult r, String strategy, String source) {
    return r.outcomes().stream()
        .filter(o -> o.strategyId().equals(strategy) && o.sourceId().equals(source))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + strategy + " on " + source + " in " + r.outcomes()));
  }
}
