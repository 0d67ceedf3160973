package dev.graft.engine.pipeline;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.run.TargetSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The target data of a run, read and checked before any long work: at least two classes with
 * examples, and enough examples in every class for the label budget.
 *
 * @param dataset the examples with their class labels
 * @param labels the class labels
 * @param skipped how many bad files/rows the reader skipped
 */
record TargetData(Dataset<?> dataset, ClassLabels labels, int skipped) {

  static TargetData read(DatasetReader reader, TargetSpec spec, Path baseDir) {
    Path path = baseDir.resolve(spec.path()).normalize();
    ReadResult<?> result = reader.read(path, new ReadOptions(spec.onBadInput(), 0, spec.options()));
    Dataset<?> data = result.dataset();
    if (data.targets().isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "target "
              + path
              + " has no labels; a transfer job needs labelled target data to evaluate.");
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

  TargetSummary summary() {
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
