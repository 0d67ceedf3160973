package dev.graft.engine.estimate;

import dev.graft.api.estimate.TransferabilityScore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of scoring one source with several estimators.
 *
 * @param scores the scores, in the order the estimators were requested
 * @param skipped estimators that could not run on this input, by id, with the reason
 */
public record EstimationReport(List<TransferabilityScore> scores, Map<String, String> skipped) {

  /** Freezes the collections. */
  public EstimationReport {
    scores = List.copyOf(scores);
    skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /**
   * The score of one estimator, if it ran.
   *
   * @param estimatorId the estimator id
   * @return its score
   */
  public Optional<TransferabilityScore> score(String estimatorId) {
    return scores.stream().filter(s -> s.estimatorId().equals(estimatorId)).findFirst();
  }

  /**
   * The scores keyed by estimator id.
   *
   * @return an ordered map
   */
  public Map<String, TransferabilityScore> byEstimator() {
    Map<String, TransferabilityScore> out = new LinkedHashMap<>();
    for (TransferabilityScore s : scores) {
      out.put(s.estimatorId(), s);
    }
    return out;
  }
}
