package dev.graft.vision.pretrain;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a pretraining run.
 *
 * @param model the model folder written
 * @param recipe the recipe trained
 * @param classes the class names, in output order
 * @param trainExamples examples trained on
 * @param validationExamples examples held out
 * @param epochsRun epochs completed
 * @param bestEpoch the epoch whose weights were kept (1-based)
 * @param validationAccuracy accuracy on the held-out examples with the kept weights (NaN without a
 *     validation split)
 * @param trainLoss the last epoch's training loss
 * @param seconds wall time of training and export
 */
public record PretrainResult(
    Path model,
    String recipe,
    List<String> classes,
    int trainExamples,
    int validationExamples,
    int epochsRun,
    int bestEpoch,
    double validationAccuracy,
    double trainLoss,
    double seconds) {

  /** Copies the class list. */
  public PretrainResult {
    classes = List.copyOf(classes);
  }
}
