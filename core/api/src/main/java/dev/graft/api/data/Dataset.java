package dev.graft.api.data;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, immutable collection of examples of type {@code T} (an image, a text, an audio clip,
 * a user's interactions), optionally with one target per example.
 *
 * <p>The example type is the reader's business: a modality plugin's reader, sources and strategies
 * agree on it. Modality-agnostic code works on {@code Dataset<?>} and on the feature matrices a
 * source extracts from it.
 *
 * @param <T> the example type
 */
public final class Dataset<T> {

  private final DatasetInfo info;
  private final List<T> examples;
  private final Targets targets;

  private Dataset(DatasetInfo info, List<T> examples, Targets targets) {
    this.info = info;
    this.examples = examples;
    this.targets = targets;
  }

  /**
   * A labelled data set.
   *
   * @param info where it came from
   * @param examples the examples
   * @param targets one target per example
   * @param <T> the example type
   * @return the data set
   * @throws InvalidInputException GRAFT-DATA-002 if the counts differ
   */
  public static <T> Dataset<T> labelled(DatasetInfo info, List<T> examples, Targets targets) {
    if (targets.size() != examples.size()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "data set '"
              + info.name()
              + "' has "
              + examples.size()
              + " examples but "
              + targets.size()
              + " targets.");
    }
    return new Dataset<>(info, Collections.unmodifiableList(new ArrayList<>(examples)), targets);
  }

  /**
   * An unlabelled data set.
   *
   * @param info where it came from
   * @param examples the examples
   * @param <T> the example type
   * @return the data set
   */
  public static <T> Dataset<T> unlabelled(DatasetInfo info, List<T> examples) {
    return new Dataset<>(info, Collections.unmodifiableList(new ArrayList<>(examples)), null);
  }

  /**
   * Where it came from.
   *
   * @return the info
   */
  public DatasetInfo info() {
    return info;
  }

  /**
   * Number of examples.
   *
   * @return the size
   */
  public int size() {
    return examples.size();
  }

  /**
   * One example.
   *
   * @param index its position
   * @return the example
   */
  public T example(int index) {
    return examples.get(index);
  }

  /**
   * All examples, unmodifiable.
   *
   * @return the examples
   */
  public List<T> examples() {
    return examples;
  }

  /**
   * The targets, if labelled.
   *
   * @return the targets or empty
   */
  public Optional<Targets> targets() {
    return Optional.ofNullable(targets);
  }

  /**
   * The class labels, or an error naming this data set if it is unlabelled or real-valued.
   *
   * @return the labels
   */
  public ClassLabels classLabels() {
    if (targets instanceof ClassLabels labels) {
      return labels;
    }
    throw new InvalidInputException(
        GraftErrors.INVALID_LABELS,
        "data set '"
            + info.name()
            + "' has "
            + (targets == null ? "no labels" : "real-valued targets")
            + "; a classification task needs class labels.");
  }

  /**
   * The examples at the given positions, with their targets.
   *
   * @param indices positions to keep, in order
   * @return a new data set
   */
  public Dataset<T> subset(int[] indices) {
    List<T> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(examples.get(i));
    }
    if (targets == null) {
      return unlabelled(info, out);
    }
    Targets selected =
        targets instanceof ClassLabels labels
            ? labels.select(indices)
            : new RegressionTargets(((RegressionTargets) targets).values().selectRows(indices));
    return labelled(info, out, selected);
  }

  /**
   * The same examples without targets (e.g. the unlabelled pool for self-training).
   *
   * @return an unlabelled view
   */
  public Dataset<T> withoutTargets() {
    return new Dataset<>(info, examples, null);
  }

  /**
   * The same examples without targets, remembering the class names of the withheld labels in {@link
   * DatasetInfo#classNames()}: the unlabelled target of unsupervised domain adaptation.
   *
   * @return an unlabelled view that still names its classes
   * @throws dev.graft.api.error.InvalidInputException if this data set has no class labels
   */
  public Dataset<T> withoutLabelsKeepingClassNames() {
    return new Dataset<>(info.withClassNames(classLabels().names()), examples, null);
  }
}
