package dev.graft.engine.run;

import java.util.List;

/**
 * The target data of a run.
 *
 * @param name the data set name
 * @param location where it was read from
 * @param digest its content digest
 * @param examples number of examples read
 * @param classes class names
 * @param classCounts examples per class
 * @param skipped bad files or rows skipped (SKIP mode)
 */
public record TargetSummary(
    String name,
    String location,
    String digest,
    int examples,
    List<String> classes,
    List<Integer> classCounts,
    int skipped) {

  /** Freezes the lists. */
  public TargetSummary {
    classes = List.copyOf(classes);
    classCounts = List.copyOf(classCounts);
  }
}
