package dev.graft.engine.pipeline;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.GraftConfig;
import dev.graft.engine.GraftVersion;
import dev.graft.engine.cache.FeatureCache;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.evaluate.protocol.RunResults;
import dev.graft.engine.evaluate.stats.Summary;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.Suggestions;
import dev.graft.engine.plugin.ExtensionRegistry;
import dev.graft.engine.plugin.RegisteredExtension;
import dev.graft.engine.report.HtmlReport;
import dev.graft.engine.report.Pca2D;
import dev.graft.engine.report.RunResultJson;
import dev.graft.engine.run.CurvePoint;
import dev.graft.engine.run.GuardVerdict;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.ProjectedPoint;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.SkippedStrategy;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.engine.run.Winner;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a transfer job: read the target, gather and open the candidate sources, extract features
 * (cached), rank the sources with the estimators, run the strategies on the top sources together
 * with the baseline ({@code scratch} unless the job names another, {@code source-only} for a target
 * without labels) over the protocol's runs, judge every transferred model against the baseline with
 * the {@link NegativeTransferGuard}, pick the winner, and export it.
 *
 * <p>Everything that can be checked cheaply is checked before the long work starts: extension ids,
 * the target's classes and label budget, and that each source can embed the target's examples.
 */
public final class TransferPipeline {

  /**
   * The multi-source ensemble, run by the pipeline itself after the strategies: for each selected
   * source its best transferred model, combined by a weighted average of class probabilities with
   * weights from the estimators' consensus ranks (option {@code weights: rank}, the default, or
   * {@code uniform}) — never from test results.
   */
  public static final String ENSEMBLE = "ensemble";

  /** Folder of the exported winner, inside the run folder. */
  public static final String MODEL_DIR = "model";

  private final ExtensionRegistry registry;
  private final GraftConfig config;

  /**
   * Creates the pipeline.
   *
   * @param registry the extensions available
   * @param config the host configuration (feature cache folder)
   */
  @Inject
  public TransferPipeline(ExtensionRegistry registry, GraftConfig config) {
    this.registry = registry;
    this.config = config;
  }

  /**
   * Runs a job and exports its winner into {@code <output>/model}.
   *
   * @param spec the job
   * @param baseDir the folder relative paths in the spec resolve against (the job file's folder)
   * @param listener progress
   * @return the run's results
   */
  public RunResult run(JobSpec spec, Path baseDir, PipelineListener listener) {
    Instant started = Instant.now();
    Map<String, Double> timings = new LinkedHashMap<>();
    validateIds(spec);
    Path runDir = baseDir.resolve(spec.output()).normalize();

    listener.stepStarted("read target");
    long t0 = System.nanoTime();
    DatasetReader reader = registry.require(DatasetReader.class, spec.target().reader());
    TargetData target = TargetData.read(reader, spec.target(), spec.evaluation().task(), baseDir);
    List<RunPlan> plans = RunPlan.of(spec, target);
    timings.put("read", secondsSince(t0));
    Modality modality = reader.capabilities().modalities().iterator().next();

    listener.stepStarted("open sources");
    try (OpenedSources sources = OpenedSources.open(spec.sources(), modality, registry, baseDir)) {
      probeSources(sources, target);
      SourceRanker ranker = new SourceRanker(new FeatureCache(config.cacheDir()), listener);

      listener.stepStarted("extract features");
      t0 = System.nanoTime();
      Map<String, FeatureMatrix> features = ranker.features(sources, target);
      timings.put("features", secondsSince(t0));

      listener.stepStarted("rank sources");
      t0 = System.nanoTime();
      List<RankedSource> ranking =
          rankOrKeepAll(spec, sources, features, target, plans, ranker, listener);
      timings.put("rank", secondsSince(t0));

      listener.stepStarted("transfer");
      t0 = System.nanoTime();
      String specYaml = JobSpecs.toYaml(spec);
      Evaluator evaluator = registry.require(Evaluator.class, spec.evaluation().evaluator());
      String metric = spec.evaluation().metric();
      StrategyRunner runner =
          new StrategyRunner(
              target,
              evaluator,
              spec.budget().toBudget(),
              spec.target().validationFraction(),
              runDir.resolve(".work"),
              new RunStateStore(runDir, specYaml),
              listener);
      List<StrategyOutcome> outcomes = new ArrayList<>();
      List<SkippedStrategy> skipped = new ArrayList<>();
      Map<StrategyOutcome, dev.graft.api.transfer.TrainedModel> models = new LinkedHashMap<>();
      try {
        runStrategies(spec, sources, ranking, plans, runner, metric, outcomes, skipped, models);
        timings.put("transfer", secondsSince(t0));
        checkMetric(metric, outcomes);
        t0 = System.nanoTime();
        Winner winner = chooseAndExport(outcomes, models, metric, spec.baseline(), runDir);
        timings.put("export", secondsSince(t0));
        listener.stepStarted("report");
        t0 = System.nanoTime();
        List<ProjectedPoint> projection =
            projection(
                sources.get(ranking.get(0).sourceId()),
                features.get(ranking.get(0).sourceId()),
                target,
                spec.seed());
        timings.put("projection", secondsSince(t0));
        RunResult result =
            new RunResult(
                spec.name(),
                specYaml,
                started,
                Instant.now(),
                target.summary(),
                spec.evaluation().protocol(),
                metric,
                ranking,
                outcomes,
                skipped,
                winner,
                projection,
                timings,
                provenance(spec, target));
        RunResultJson.write(result, runDir);
        HtmlReport.write(result, runDir);
        return result;
      } finally {
        for (var m : models.values()) {
          m.close();
        }
      }
    }
  }

  /**
   * Ranks the job's candidate sources with its estimators only — no training. This is {@code graft
   * rank}: seconds instead of hours.
   *
   * @param spec the job (strategies and evaluation are ignored, except the first run's split)
   * @param baseDir the folder relative paths in the spec resolve against
   * @param listener progress
   * @return the ranking, best first
   */
  public List<RankedSource> rank(JobSpec spec, Path baseDir, PipelineListener listener) {
    validateIds(spec);
    listener.stepStarted("read target");
    DatasetReader reader = registry.require(DatasetReader.class, spec.target().reader());
    TargetData target = TargetData.read(reader, spec.target(), spec.evaluation().task(), baseDir);
    List<RunPlan> plans = RunPlan.of(spec, target);
    Modality modality = reader.capabilities().modalities().iterator().next();
    listener.stepStarted("open sources");
    try (OpenedSources sources = OpenedSources.open(spec.sources(), modality, registry, baseDir)) {
      probeSources(sources, target);
      SourceRanker ranker = new SourceRanker(new FeatureCache(config.cacheDir()), listener);
      listener.stepStarted("extract features");
      Map<String, FeatureMatrix> features = ranker.features(sources, target);
      listener.stepStarted("rank sources");
      return rankOrKeepAll(spec, sources, features, target, plans, ranker, listener);
    }
  }

  /**
   * Ranks the sources with the job's estimators on the first run's labelled examples; a target
   * without class labels to rank with (a ranking task, or {@code labels-per-class: 0}) keeps every
   * source instead, in the order the loaders found them, and says so.
   */
  private List<RankedSource> rankOrKeepAll(
      JobSpec spec,
      OpenedSources sources,
      Map<String, FeatureMatrix> features,
      TargetData target,
      List<RunPlan> plans,
      SourceRanker ranker,
      PipelineListener listener) {
    int[] train = plans.get(0).split().train();
    if (train.length == 0) {
      listener.note(
          "no labelled target examples (labels-per-class 0): the estimators cannot rank the"
              + " sources, so the strategies run on all "
              + sources.byId().size()
              + " of them");
      return SourceRanker.unranked(sources);
    }
    TaskType task = target.classification() ? TaskType.CLASSIFICATION : TaskType.RANKING;
    List<TransferabilityEstimator> estimators =
        SourceRanker.choose(spec.estimators(), instances(TransferabilityEstimator.class), task);
    if (estimators.isEmpty() && !target.classification()) {
      listener.note(
          "no "
              + (spec.estimators().isEmpty() ? "installed" : "named")
              + " estimator supports a "
              + spec.evaluation().task()
              + " target, so the strategies run on all "
              + sources.byId().size()
              + " sources");
      return SourceRanker.unranked(sources);
    }
    return ranker.rank(sources, features, target, train, estimators, spec.keepTop(), spec.seed());
  }

  /** The deciding metric must be one the evaluator returned. */
  private static void checkMetric(String metric, List<StrategyOutcome> outcomes) {
    if (outcomes.isEmpty() || outcomes.stream().anyMatch(o -> o.metric(metric) != null)) {
      return;
    }
    java.util.Set<String> returned = new java.util.TreeSet<>();
    outcomes.forEach(o -> o.metrics().forEach(m -> returned.add(m.metric())));
    throw new ConfigException(
        "evaluation.metric '"
            + metric
            + "' is not a metric the evaluator returned"
            + Suggestions.hint(metric, List.copyOf(returned))
            + "; it returned "
            + returned
            + ".");
  }

  /**
   * The top source's features on its own labelled data and on the target, projected to 2-D for the
   * report; empty when the source has no labelled data to show.
   */
  private static List<ProjectedPoint> projection(
      Source source, FeatureMatrix targetFeatures, TargetData target, long seed) {
    var sourceData = source.labelledData();
    if (!target.classification() || sourceData.isEmpty() || sourceData.get().targets().isEmpty()) {
      return List.of();
    }
    int n = Math.min(sourceData.get().size(), Pca2D.DEFAULT_MAX_POINTS_PER_GROUP);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = (int) ((long) i * sourceData.get().size() / n);
    }
    var sample = sourceData.get().subset(rows);
    return Pca2D.project(
        source.features(sample),
        sample.classLabels().values(),
        targetFeatures,
        target.labels().values(),
        seed);
  }

  private void validateIds(JobSpec spec) {
    registry.require(DatasetReader.class, spec.target().reader());
    spec.sources().forEach(s -> registry.require(SourceLoader.class, s.loader()));
    spec.estimators().forEach(id -> registry.require(TransferabilityEstimator.class, id));
    spec.strategies().stream()
        .filter(s -> !s.id().equals(ENSEMBLE))
        .forEach(s -> registry.require(TransferStrategy.class, s.id()));
    registry.require(Evaluator.class, spec.evaluation().evaluator());
    if (spec.evaluation().evaluator().equals(ClassificationEvaluator.ID)) {
      ConfigException.require(
          Set.of("accuracy", "macro-f1", "roc-auc", "ece").contains(spec.evaluation().metric()),
          "evaluation.metric",
          "'" + spec.evaluation().metric() + "'",
          "one of accuracy, macro-f1, roc-auc, ece");
    }
  }

  /** Each source embeds two target examples before any long work, so a misfit fails early. */
  private static void probeSources(OpenedSources sources, TargetData target) {
    int[] two = {0, Math.min(1, target.dataset().size() - 1)};
    for (Map.Entry<String, Source> e : sources.byId().entrySet()) {
      try {
        e.getValue().features(target.dataset().subset(two));
      } catch (GraftException ex) {
        throw new GraftException(
            ex.errorId(),
            "source '" + e.getKey() + "' cannot embed the target's examples: " + ex.detail(),
            ex);
      }
    }
  }

  private void runStrategies(
      JobSpec spec,
      OpenedSources sources,
      List<RankedSource> ranking,
      List<RunPlan> plans,
      StrategyRunner runner,
      String metric,
      List<StrategyOutcome> outcomes,
      List<SkippedStrategy> skipped,
      Map<StrategyOutcome, dev.graft.api.transfer.TrainedModel> models) {
    List<String> selected =
        ranking.stream().filter(RankedSource::selected).map(RankedSource::sourceId).toList();
    int total = selected.size() * spec.strategies().size() * plans.size();
    int[] progress = {0};
    int decidingBudget = RunPlan.decidingBudget(plans);
    Map<StrategyOutcome, StrategyRunner.Outcome> raw = new LinkedHashMap<>();
    StrategyRunner.Outcome[] firstBaseline = {null};
    for (String sourceId : selected) {
      Source source = sources.get(sourceId);
      Set<Requirement> available = available(source, !spec.unlabelledTarget());
      Map<String, StrategyRunner.Outcome> bySource = new LinkedHashMap<>();
      for (StrategySpec s : spec.strategies()) {
        if (s.id().equals(ENSEMBLE)) {
          progress[0] += plans.size();
          continue;
        }
        TransferStrategy strategy = registry.require(TransferStrategy.class, s.id());
        Set<Requirement> unmet = strategy.capabilities().unmet(available);
        if (!unmet.isEmpty()) {
          skipped.add(new SkippedStrategy(s.id(), sourceId, "needs " + describe(unmet)));
          progress[0] += plans.size();
          continue;
        }
        bySource.put(s.id(), runner.run(strategy, source, plans, s.options(), progress, total));
      }
      StrategyRunner.Outcome baselineOutcome = bySource.get(spec.baseline());
      for (Map.Entry<String, StrategyRunner.Outcome> e : bySource.entrySet()) {
        StrategyOutcome outcome =
            summarise(
                e.getKey(),
                sourceId,
                e.getValue(),
                baselineOutcome,
                spec.baseline(),
                metric,
                decidingBudget);
        outcomes.add(outcome);
        raw.put(outcome, e.getValue());
        if (e.getValue().firstModel != null) {
          models.put(outcome, e.getValue().firstModel);
        }
      }
      if (baselineOutcome != null && firstBaseline[0] == null) {
        firstBaseline[0] = baselineOutcome;
      }
    }
    spec.strategies().stream()
        .filter(s -> s.id().equals(ENSEMBLE))
        .findFirst()
        .ifPresent(
            s ->
                ensemble(
                    s,
                    ranking,
                    plans,
                    runner,
                    metric,
                    decidingBudget,
                    firstBaseline[0],
                    spec.baseline(),
                    outcomes,
                    skipped,
                    models,
                    raw));
  }

  private void ensemble(
      StrategySpec spec,
      List<RankedSource> ranking,
      List<RunPlan> plans,
      StrategyRunner runner,
      String metric,
      int decidingBudget,
      StrategyRunner.Outcome baselineOutcome,
      String baseline,
      List<StrategyOutcome> outcomes,
      List<SkippedStrategy> skipped,
      Map<StrategyOutcome, dev.graft.api.transfer.TrainedModel> models,
      Map<StrategyOutcome, StrategyRunner.Outcome> raw) {
    String weighting = spec.options().getOrDefault("weights", "rank");
    ConfigException.require(
        weighting.equals("rank") || weighting.equals("uniform"),
        "strategies[ensemble].options.weights",
        "'" + weighting + "'",
        "rank or uniform");
    List<StrategyOutcome> members = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (RankedSource r : ranking) {
      if (!r.selected()) {
        continue;
      }
      StrategyOutcome best = null;
      for (StrategyOutcome o : outcomes) {
        boolean usable =
            o.sourceId().equals(r.sourceId())
                && !o.strategyId().equals(baseline)
                && o.metric(metric) != null
                && raw.get(o).probabilities.stream().allMatch(p -> p != null)
                && models.containsKey(o);
        if (usable && (best == null || better(o.metric(metric), best.metric(metric)))) {
          best = o;
        }
      }
      if (best != null) {
        members.add(best);
        weights.add(weighting.equals("rank") ? 1.0 / r.rank() : 1.0);
      }
    }
    if (members.size() < 2) {
      skipped.add(
          new SkippedStrategy(
              ENSEMBLE,
              "top sources",
              "needs transferred models from at least two sources (keep-top >= 2); found "
                  + members.size()));
      return;
    }
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    double[] w = weights.stream().mapToDouble(x -> x / total).toArray();
    StrategyRunner.Outcome combined = new StrategyRunner.Outcome();
    for (int i = 0; i < plans.size(); i++) {
      List<double[][]> parts = new ArrayList<>();
      for (StrategyOutcome m : members) {
        parts.add(raw.get(m).probabilities.get(i));
      }
      double[][] p = EnsembleModel.combine(parts, w);
      combined.plans.add(plans.get(i));
      combined.probabilities.add(p);
      combined.metrics.add(runner.measure(p, plans.get(i), combined));
    }
    List<String> names = members.stream().map(m -> m.strategyId() + "@" + m.sourceId()).toList();
    for (int i = 0; i < names.size(); i++) {
      combined.notes.add(
          String.format(java.util.Locale.ROOT, "member %s weight %.3f", names.get(i), w[i]));
    }
    StrategyOutcome outcome =
        summarise(
            ENSEMBLE,
            String.join("+", members.stream().map(StrategyOutcome::sourceId).toList()),
            combined,
            baselineOutcome,
            baseline,
            metric,
            decidingBudget);
    outcomes.add(outcome);
    List<dev.graft.api.transfer.TrainedModel> memberModels = new ArrayList<>();
    members.forEach(m -> memberModels.add(models.get(m)));
    models.put(outcome, new EnsembleModel(memberModels, names, w));
  }

  private static StrategyOutcome summarise(
      String strategyId,
      String sourceId,
      StrategyRunner.Outcome o,
      StrategyRunner.Outcome baselineOutcome,
      String baseline,
      String metric,
      int decidingBudget) {
    RunResults deciding = results(o, decidingBudget);
    List<MetricSummary> metrics = new ArrayList<>();
    for (String name : deciding.metricNames()) {
      Summary s = deciding.summary(name);
      List<Double> perRun = new ArrayList<>();
      for (double v : deciding.values(name)) {
        perRun.add(v);
      }
      metrics.add(
          new MetricSummary(
              name, deciding.higherIsBetter(name), s.mean(), s.lower(), s.upper(), perRun));
    }
    GuardVerdict verdict = GuardVerdict.BASELINE;
    double dMean = 0;
    double dLower = 0;
    double dUpper = 0;
    if (!strategyId.equals(baseline)) {
      if (baselineOutcome == null) {
        verdict = GuardVerdict.WITHIN_NOISE;
        dMean = Double.NaN;
        dLower = Double.NaN;
        dUpper = Double.NaN;
      } else {
        var judgement =
            NegativeTransferGuard.judge(deciding, results(baselineOutcome, decidingBudget), metric);
        verdict = judgement.verdict();
        dMean = judgement.difference().meanDifference();
        dLower = judgement.difference().lower();
        dUpper = judgement.difference().upper();
      }
    }
    List<CurvePoint> curve = new ArrayList<>();
    Set<Integer> budgets = new TreeSet<>();
    o.plans.forEach(p -> budgets.add(p.budget()));
    if (budgets.size() > 1) {
      for (int b : budgets) {
        Summary s = results(o, b).summary(metric);
        curve.add(new CurvePoint(b, s.mean(), s.lower(), s.upper()));
      }
    }
    return new StrategyOutcome(
        strategyId,
        sourceId,
        metrics,
        verdict,
        dMean,
        dLower,
        dUpper,
        curve,
        o.confusion,
        o.notes,
        o.seconds);
  }

  private static RunResults results(StrategyRunner.Outcome o, int budget) {
    List<Long> keys = new ArrayList<>();
    List<List<Metric>> runs = new ArrayList<>();
    for (int i = 0; i < o.plans.size(); i++) {
      if (o.plans.get(i).budget() == budget) {
        keys.add(o.plans.get(i).key());
        runs.add(o.metrics.get(i));
      }
    }
    return RunResults.of(keys.stream().mapToLong(Long::longValue).toArray(), runs);
  }

  private static Winner chooseAndExport(
      List<StrategyOutcome> outcomes,
      Map<StrategyOutcome, dev.graft.api.transfer.TrainedModel> models,
      String metric,
      String baseline,
      Path runDir) {
    StrategyOutcome best = null;
    for (StrategyOutcome o : outcomes) {
      if (!o.verdict().eligible() || o.metric(metric) == null) {
        continue;
      }
      if (best == null || better(o.metric(metric), best.metric(metric))) {
        best = o;
      }
    }
    if (best == null) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "no model could be chosen: the baseline '"
              + baseline
              + "' did not run ("
              + (baseline.equals(JobSpec.SCRATCH)
                  ? "it needs a trainable source architecture"
                  : "see the skipped strategies for why")
              + ") and no transferred model could be compared with it.");
    }
    boolean transferWon = best.verdict() == GuardVerdict.BEATS_SCRATCH;
    long flagged = outcomes.stream().filter(o -> !o.verdict().eligible()).count();
    String reason =
        transferWon
            ? "best "
                + metric
                + " among models that beat "
                + baseline
                + " beyond the run-to-run noise"
            : flagged > 0
                ? "no transferred model beat "
                    + baseline
                    + " beyond the run-to-run noise (negative transfer flagged for "
                    + flagged
                    + "), so the "
                    + baseline
                    + " baseline is kept"
                : "the " + baseline + " baseline is the only model";
    dev.graft.api.transfer.TrainedModel model = models.get(best);
    String exported = "";
    if (model != null) {
      model.export(runDir.resolve(MODEL_DIR));
      exported = MODEL_DIR;
    }
    return new Winner(
        best.strategyId(), best.sourceId(), metric, best.metric(metric).mean(), reason, exported);
  }

  private static boolean better(MetricSummary a, MetricSummary b) {
    return a.higherIsBetter() ? a.mean() > b.mean() : a.mean() < b.mean();
  }

  private static Set<Requirement> available(Source source, boolean targetLabels) {
    EnumSet<Requirement> out = EnumSet.of(Requirement.FEATURES, Requirement.UNLABELLED_TARGET);
    if (targetLabels) {
      out.add(Requirement.TARGET_LABELS);
    }
    if (source.trainable()) {
      out.add(Requirement.TRAINABLE_SOURCE);
    }
    if (source.labelledData().isPresent()) {
      out.add(Requirement.SOURCE_DATA);
    }
    return out;
  }

  private static String describe(Set<Requirement> unmet) {
    List<String> parts = new ArrayList<>();
    for (Requirement r : unmet) {
      parts.add(
          switch (r) {
            case TRAINABLE_SOURCE -> "a trainable source model (this source is a frozen extractor)";
            case SOURCE_DATA -> "labelled source data (this source has none)";
            case SOURCE_PROBABILITIES, SOURCE_HARD_LABELS -> "source-model predictions";
            case TARGET_LABELS -> "labelled target examples (labels-per-class is 0)";
            default -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
          });
    }
    return String.join(" and ", parts);
  }

  private <T> List<T> instances(Class<T> point) {
    return registry.all(point).stream().map(RegisteredExtension::instance).toList();
  }

  private Map<String, String> provenance(JobSpec spec, TargetData target) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("graft.version", GraftVersion.current());
    p.put("java.version", System.getProperty("java.version"));
    p.put("device", config.device().label());
    p.put("seed", Long.toString(spec.seed()));
    p.put("data.digest", target.digest());
    return p;
  }

  private static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
