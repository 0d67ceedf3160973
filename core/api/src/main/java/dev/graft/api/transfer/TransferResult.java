package dev.graft.api.transfer;

import dev.graft.api.evaluate.Metric;
import dev.graft.api.provenance.Provenance;
import java.util.List;

/**
 * The outcome of one strategy on one source.
 *
 * @param strategyId the strategy
 * @param sourceId the source descriptor id
 * @param model the trained model (the caller closes it)
 * @param validationMetrics metrics on the validation split, if one was given
 * @param notes what the strategy decided and why (epochs run, early stop, pseudo-label counts)
 * @param provenance how it was made
 */
public record TransferResult(
    String strategyId,
    String sourceId,
    TrainedModel model,
    List<Metric> validationMetrics,
    List<String> notes,
    Provenance provenance) {

  /** Freezes the lists. */
  public TransferResult {
    validationMetrics = List.copyOf(validationMetrics);
    notes = List.copyOf(notes);
  }
}
