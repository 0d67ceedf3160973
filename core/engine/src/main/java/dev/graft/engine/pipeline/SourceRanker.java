package dev.graft.engine.pipeline;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.Source;
import dev.graft.engine.cache.FeatureCache;
import dev.graft.engine.estimate.ConsensusRanking;
import dev.graft.engine.estimate.Estimation;
import dev.graft.engine.run.RankedSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks the opened sources for the target: extracts each source's features on the target (through
 * the feature cache), scores them on the labelled training examples with the chosen estimators, and
 * orders the sources by the estimators' consensus.
 */
final class SourceRanker {

  private final FeatureCache cache;
  private final PipelineListener listener;

  SourceRanker(FeatureCache cache, PipelineListener listener) {
    this.cache = cache;
    this.listener = listener;
  }

  /** The features of every target example, per source, cached. */
  Map<String, FeatureMatrix> features(OpenedSources sources, TargetData target) {
    Map<String, FeatureMatrix> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Source> e : sources.byId().entrySet()) {
      listener.progress("extract features", i++, sources.byId().size(), e.getKey());
      FeatureCache.Key key =
          new FeatureCache.Key(OpenedSources.digest(e.getValue()), target.digest(), "features");
      FeatureMatrix f =
          cache.computeIfAbsent(
              key,
              () ->
                  e.getValue()
                      .features(target.dataset())
                      .requireFinite("features of source '" + e.getKey() + "'"));
      if (f.rows() != target.dataset().size()) {
        throw new dev.graft.api.error.GraftException(
            dev.graft.api.error.GraftErrors.SIZE_MISMATCH,
            "source '"
                + e.getKey()
                + "' returned "
                + f.rows()
                + " feature rows for "
                + target.dataset().size()
                + " target examples.");
      }
      out.put(e.getKey(), f);
    }
    listener.progress("extract features", sources.byId().size(), sources.byId().size(), "done");
    return out;
  }

  /**
   * The estimators to use for a task: those named that support it, or every registered estimator
   * that supports it.
   */
  static List<TransferabilityEstimator> choose(
      List<String> ids, List<TransferabilityEstimator> registered, TaskType task) {
    List<TransferabilityEstimator> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      for (String id : ids) {
        registered.stream()
            .filter(e -> e.id().equals(id) && e.capabilities().supports(task))
            .findFirst()
            .ifPresent(out::add);
      }
      return out;
    }
    for (TransferabilityEstimator e : registered) {
      if (e.capabilities().supports(task)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Ranks sources on the labelled training examples {@code train}.
   *
   * @return rows best first, with {@code selected} set for the top {@code keepTop}
   */
  List<RankedSource> rank(
      OpenedSources sources,
      Map<String, FeatureMatrix> features,
      TargetData target,
      int[] train,
      List<TransferabilityEstimator> estimators,
      int keepTop,
      long seed) {
    Targets labels = target.truth(train);
    Dataset<?> trainData = target.dataset().subset(train);
    Estimation estimation = new Estimation(estimators);
    List<String> ids = estimators.stream().map(TransferabilityEstimator::id).toList();
    boolean needsProbabilities =
        estimators.stream()
            .anyMatch(
                e ->
                    e.capabilities().requirements().contains(Requirement.SOURCE_PROBABILITIES)
                        || e.capabilities()
                            .requirements()
                            .contains(Requirement.SOURCE_HARD_LABELS));
    Map<String, Map<String, TransferabilityScore>> scores = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Source> e : sources.byId().entrySet()) {
      listener.progress("rank sources", i++, sources.byId().size(), e.getKey());
      Optional<ProbabilityMatrix> probabilities =
          needsProbabilities ? e.getValue().probabilities(trainData) : Optional.empty();
      EstimationInput input =
          new EstimationInput(
              features.get(e.getKey()).selectRows(train),
              labels,
              probabilities,
              Optional.empty(),
              seed);
      var report =
          estimation.score(
              input, ids, target.classification() ? TaskType.CLASSIFICATION : TaskType.RANKING);
      report
          .skipped()
          .forEach((id, why) -> listener.note(id + " skipped for " + e.getKey() + ": " + why));
      scores.put(e.getKey(), report.byEstimator());
    }
    List<RankedSource> rows = new ArrayList<>();
    if (scores.size() == 1 || scores.values().stream().allMatch(Map::isEmpty)) {
      String only = scores.keySet().iterator().next();
      rows.add(row(only, 1, 1.0, scores.get(only), true));
      for (String other : scores.keySet()) {
        if (!other.equals(only)) {
          rows.add(
              row(other, rows.size() + 1, Double.NaN, scores.get(other), rows.size() < keepTop));
        }
      }
      return rows;
    }
    ConsensusRanking consensus = ConsensusRanking.of(scores);
    for (ConsensusRanking.Entry entry : consensus.entries()) {
      rows.add(
          row(
              entry.source(),
              entry.position(),
              entry.meanRank(),
              scores.get(entry.source()),
              entry.position() <= keepTop));
    }
    return rows;
  }

  /**
   * Every source kept, in discovery order, unscored: for targets the estimators cannot rank (no
   * class labels to rank with).
   *
   * @param sources the opened sources
   * @return one selected row per source
   */
  static List<RankedSource> unranked(OpenedSources sources) {
    List<RankedSource> rows = new ArrayList<>();
    for (String id : sources.byId().keySet()) {
      rows.add(row(id, rows.size() + 1, Double.NaN, Map.of(), true));
    }
    return rows;
  }

  private static RankedSource row(
      String source,
      int rank,
      double meanRank,
      Map<String, TransferabilityScore> s,
      boolean selected) {
    Map<String, Double> values = new HashMap<>();
    Map<String, Double> seconds = new HashMap<>();
    s.forEach(
        (id, score) -> {
          values.put(id, score.value());
          seconds.put(id, score.elapsed().toNanos() / 1e9);
        });
    return new RankedSource(source, rank, meanRank, values, seconds, selected);
  }
}
