package dev.graft.engine.pipeline;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.run.TargetSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The target data of a run, read and checked before any long work. A classification target has at
 * least two classes with examples, and enough examples in every class for the label budget. A
 * ranking target's truth is a real-valued matrix (e.g. the relevance of held-out items per user)
 * that the ranking evaluator scores predictions against.
 *
 * @param dataset the examples with their targets
 * @param labels the class labels; null for a ranking target
 * @param skipped how many bad files/rows the reader skipped
 */
record TargetData(Dataset<?> dataset, ClassLabels labels, int skipped) {

  static TargetData read(DatasetReader reader, TargetSpec spec, String task, Path baseDir) {
    Path path = baseDir.resolve(spec.path()).normalize();
    ReadResult<?> result = reader.read(path, new ReadOptions(spec.onBadInput(), 0, spec.options()));
    Dataset<?> data = result.dataset();
    if (data.targets().isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "target "
              + path
              + " has no "
              + (task.equals(EvaluationSpec.RANKING) ? "held-out relevance" : "labels")
              + "; a transfer job needs "
              + (task.equals(EvaluationSpec.RANKING)
                  ? "a ranking target's truth (e.g. the reader option holdout: last)"
                  : "labelled target data")
              + " to evaluate.");
    }
    if (task.equals(EvaluationSpec.RANKING)) {
      if (!(data.targets().get() instanceof RegressionTargets)) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            "target "
                + path
                + " has class labels, but evaluation.task is ranking, which scores against a"
                + " relevance matrix (one row per example); use a reader that yields one (e.g."
                + " with the option holdout: last) or evaluation.task: classification.");
      }
      return new TargetData(data, null, result.skipped().size());
    }
    ClassLabels labels = data.classLabels();
    int[] counts = labels.counts();
    if (labels.presentClasses() < 2) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "target "
              + path
              + " has examples of "
              + labels.presentClasses()
              + " class; classification needs at least two.");
    }
    List<String> empty = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        empty.add(labels.names().get(c));
      }
    }
    if (!empty.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "target "
              + path
              + " declares classes with no examples: "
              + empty
              + "; remove them or add examples.");
    }
    return new TargetData(data, labels, result.skipped().size());
  }

  /** Whether the target has class labels (a classification task). */
  boolean classification() {
    return labels != null;
  }

  /** The truth of the given examples: their class labels, or their rows of the target matrix. */
  Targets truth(int[] rows) {
    if (labels != null) {
      return labels.select(rows);
    }
    return dataset.subset(rows).targets().orElseThrow();
  }

  TargetSummary summary() {
    if (labels == null) {
      return new TargetSummary(
          dataset.info().name(),
          dataset.info().location(),
          dataset.info().digest(),
          dataset.size(),
          List.of(),
          List.of(),
          skipped);
    }
    List<Integer> counts = new ArrayList<>();
    for (int c : labels.counts()) {
      counts.add(c);
    }
    return new TargetSummary(
        dataset.info().name(),
        dataset.info().location(),
        dataset.info().digest(),
        dataset.size(),
        labels.names(),
        counts,
        skipped);
  }

  /** The digest the feature cache keys on: the reader's digest, or a stand-in naming the data. */
  String digest() {
    String d = dataset.info().digest();
    return d.isBlank() ? dataset.info().location() + "#" + dataset.size() : d;
  }
}
