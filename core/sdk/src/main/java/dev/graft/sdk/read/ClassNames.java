package dev.graft.sdk.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Class names from the labels a reader found, in the order every modality uses. */
public final class ClassNames {

  private ClassNames() {}

  /**
   * The distinct labels in a stable order: numerically if every name is an integer ("2" before
   * "10"), otherwise by {@link String#compareTo} (UTF-16 code units).
   *
   * @param labels the label of each example (may repeat)
   * @return the sorted distinct names; index = class label
   */
  public static List<String> sorted(Collection<String> labels) {
    List<String> names = new ArrayList<>(new TreeSet<>(labels));
    if (names.stream().allMatch(n -> n.matches("-?\\d{1,18}"))) {
      names.sort(Comparator.comparingLong(Long::parseLong));
    }
    return names;
  }

  /**
   * Maps label names to their indices in {@code classNames}.
   *
   * @param labels one name per example, each one of {@code classNames}
   * @param classNames the classes
   * @return one index per example
   * @throws NullPointerException if a label is not a class name
   */
  public static int[] indices(List<String> labels, List<String> classNames) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classNames.size(); i++) {
      index.put(classNames.get(i), i);
    }
    int[] out = new int[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = index.get(labels.get(i));
    }
    return out;
  }
}
