package dev.graft.nlp.pretrain;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a text pretraining run.
 *
 * @param model the model folder written
 * @param recipe the recipe trained
 * @param classes the class names, in output order
 * @param vocabularySize tokens in the model's vocabulary
 * @param trainExamples texts trained on
 * @param validationExamples texts held out
 * @param epochsRun epochs completed
 * @param bestEpoch the epoch whose weights were kept (1-based)
 * @param validationAccuracy accuracy on the held-out texts (NaN without a validation split)
 * @param seconds wall time of training and export
 */
public record TextPretrainResult(
    Path model,
    String recipe,
    List<String> classes,
    int vocabularySize,
    int trainExamples,
    int validationExamples,
    int epochsRun,
    int bestEpoch,
    double validationAccuracy,
    double seconds) {

  /** Copies the class list. */
  public TextPretrainResult {
    classes = List.copyOf(classes);
  }
}
