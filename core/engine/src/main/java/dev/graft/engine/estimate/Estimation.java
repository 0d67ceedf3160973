package dev.graft.engine.estimate;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores sources with one or many transferability estimators and ranks sources by consensus.
 *
 * <pre>{@code
 * Estimation estimation = Estimation.builtins();
 * EstimationReport report =
 *     estimation.score(EstimationInput.of(features, labels), List.of("logme", "hscore", "gbc"));
 * double logme = report.score("logme").orElseThrow().value();
 *
 * ConsensusRanking ranking =
 *     estimation.rank(Map.of("resnet", inputA, "vit", inputB), List.of("logme", "transrate"));
 * }</pre>
 *
 * <p>An estimator whose task type or declared requirements the input cannot satisfy is skipped with
 * a reason rather than failing the whole call; invalid data (NaN, a single class, ...) still fails
 * with the estimator's error.
 */
public final class Estimation {

  private final Map<String, TransferabilityEstimator> estimators = new LinkedHashMap<>();

  /**
   * Uses the given estimators (for instance every {@code TransferabilityEstimator} the host
   * loaded).
   *
   * @param estimators the available estimators, with distinct ids
   */
  public Estimation(Collection<? extends TransferabilityEstimator> estimators) {
    for (TransferabilityEstimator e : estimators) {
      if (this.estimators.putIfAbsent(e.id(), e) != null) {
        throw new GraftException(
            GraftErrors.DUPLICATE_EXTENSION_ID,
            "two estimators declare the id '" + e.id() + "'; ids must be unique.");
      }
    }
  }

  /**
   * An estimation with all built-in estimators.
   *
   * @return the estimation
   */
  public static Estimation builtins() {
    List<TransferabilityEstimator> list = new ArrayList<>();
    for (Class<? extends TransferabilityEstimator> type : BuiltinEstimators.all()) {
      try {
        list.add(type.getDeclaredConstructor().newInstance());
      } catch (InstantiationException
          | IllegalAccessException
          | InvocationTargetException
          | NoSuchMethodException e) {
        throw new GraftException(
            GraftErrors.EXTENSION_CREATION,
            "could not create built-in estimator " + type.getName() + ": " + e,
            e);
      }
    }
    return new Estimation(list);
  }

  /**
   * The available estimators by id.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, TransferabilityEstimator> estimators() {
    return java.util.Collections.unmodifiableMap(estimators);
  }

  /**
   * One estimator by id.
   *
   * @param id the id
   * @return the estimator
   * @throws GraftException GRAFT-PLUGIN-008 naming the known ids
   */
  public TransferabilityEstimator estimator(String id) {
    TransferabilityEstimator e = estimators.get(id);
    if (e == null) {
      throw new GraftException(
          GraftErrors.UNKNOWN_EXTENSION,
          "no estimator has the id '" + id + "'; known estimators: " + estimators.keySet() + ".");
    }
    return e;
  }

  /**
   * Scores one source with the given estimators.
   *
   * @param input the source's features / predictions on the target data and the target labels
   * @param ids estimator ids, in the order to report them
   * @return scores and skipped estimators
   */
  public EstimationReport score(EstimationInput input, List<String> ids) {
    return score(input, ids, input.targets().task());
  }

  /**
   * Scores one source with the given estimators for a task the targets alone do not tell: a ranking
   * target's relevance rows are real-valued ({@link TaskType#REGRESSION} by their type), but only
   * estimators that handle ranking should score them.
   *
   * @param input the source's features / predictions on the target data and the target truth
   * @param ids estimator ids, in the order to report them
   * @param task the task the estimators must support
   * @return scores and skipped estimators
   */
  public EstimationReport score(EstimationInput input, List<String> ids, TaskType task) {
    List<TransferabilityEstimator> chosen = new ArrayList<>();
    for (String id : ids) {
      chosen.add(estimator(id));
    }
    Set<Requirement> available = available(input);
    List<TransferabilityScore> scores = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (TransferabilityEstimator e : chosen) {
      if (!e.capabilities().supports(task)) {
        skipped.put(e.id(), "does not handle " + task.name().toLowerCase() + " targets");
        continue;
      }
      Set<Requirement> unmet = e.capabilities().unmet(available);
      if (!unmet.isEmpty()) {
        skipped.put(e.id(), "needs " + unmet + " which the input does not provide");
        continue;
      }
      scores.add(e.estimate(input));
    }
    return new EstimationReport(scores, skipped);
  }

  /**
   * Scores every source and ranks them by consensus of the estimators that scored all of them.
   *
   * @param sources each source's input, by source name (all for the same target)
   * @param ids estimator ids
   * @return the consensus ranking
   */
  public ConsensusRanking rank(Map<String, EstimationInput> sources, List<String> ids) {
    Map<String, Map<String, TransferabilityScore>> scores = new LinkedHashMap<>();
    for (Map.Entry<String, EstimationInput> source : sources.entrySet()) {
      scores.put(source.getKey(), score(source.getValue(), ids).byEstimator());
    }
    return ConsensusRanking.of(scores);
  }

  /**
   * What an input provides, in terms of extension requirements.
   *
   * @param input the input
   * @return the requirements it satisfies
   */
  public static Set<Requirement> available(EstimationInput input) {
    EnumSet<Requirement> out = EnumSet.of(Requirement.TARGET_LABELS);
    if (input.features() != null) {
      out.add(Requirement.FEATURES);
    }
    if (input.sourceProbabilities().isPresent()) {
      out.add(Requirement.SOURCE_PROBABILITIES);
    }
    if (input.sourceLabels().isPresent()) {
      out.add(Requirement.SOURCE_HARD_LABELS);
    }
    return out;
  }
}
