package dev.graft.api.data;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.TaskType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Integer class labels {@code 0 .. numClasses-1}, one per example, with optional class names.
 * Immutable.
 */
public final class ClassLabels implements Targets {

  private final int[] values;
  private final int numClasses;
  private final List<String> names;

  private ClassLabels(int[] values, int numClasses, List<String> names) {
    this.values = values;
    this.numClasses = numClasses;
    this.names = names;
  }

  /**
   * Labels whose class count is one more than the largest label.
   *
   * @param values labels, each 0 or greater
   * @return the labels
   * @throws InvalidInputException GRAFT-DATA-003 if empty, GRAFT-DATA-004 for a negative label
   */
  public static ClassLabels of(int... values) {
    int max = -1;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return of(values, max + 1);
  }

  /**
   * Labels with an explicit class count (some classes may have no example).
   *
   * @param values labels in {@code [0, numClasses)}
   * @param numClasses number of classes
   * @return the labels
   */
  public static ClassLabels of(int[] values, int numClasses) {
    List<String> names = new ArrayList<>(numClasses);
    for (int c = 0; c < numClasses; c++) {
      names.add(Integer.toString(c));
    }
    return of(values, names);
  }

  /**
   * Labels with class names; the class count is the number of names.
   *
   * @param values labels in {@code [0, names.size())}
   * @param names class names, index = label
   * @return the labels
   */
  public static ClassLabels of(int[] values, List<String> names) {
    if (values == null || values.length == 0) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "class labels are empty.");
    }
    int numClasses = names.size();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= numClasses) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            "label at index "
                + i
                + " is "
                + values[i]
                + "; labels must be integers in [0, "
                + numClasses
                + ").");
      }
    }
    return new ClassLabels(values.clone(), numClasses, List.copyOf(names));
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public TaskType task() {
    return TaskType.CLASSIFICATION;
  }

  /**
   * The label of one example.
   *
   * @param index example index
   * @return its class
   */
  public int get(int index) {
    return values[index];
  }

  /**
   * A copy of all labels.
   *
   * @return the labels
   */
  public int[] values() {
    return values.clone();
  }

  /**
   * Number of classes (including classes without examples).
   *
   * @return the class count
   */
  public int numClasses() {
    return numClasses;
  }

  /**
   * Class names, index = label.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * How many examples each class has.
   *
   * @return counts indexed by class
   */
  public int[] counts() {
    int[] counts = new int[numClasses];
    for (int v : values) {
      counts[v]++;
    }
    return counts;
  }

  /**
   * The number of classes that have at least one example.
   *
   * @return the count of non-empty classes
   */
  public int presentClasses() {
    return (int) Arrays.stream(counts()).filter(c -> c > 0).count();
  }

  /**
   * The labels of the given examples, same classes.
   *
   * @param indices example indices
   * @return the selected labels
   */
  public ClassLabels select(int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = values[indices[i]];
    }
    return of(out, names);
  }
}
