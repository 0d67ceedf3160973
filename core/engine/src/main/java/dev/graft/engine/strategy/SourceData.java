package dev.graft.engine.strategy;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's labelled data in the target's label space, for instance-based transfer: source classes
 * are matched to target classes by name, and examples of source classes the target does not have
 * are left out.
 *
 * @param features the source examples' features
 * @param labels their target-class labels
 * @param dropped how many source examples had a class the target lacks
 */
record SourceData(FeatureRows features, int[] labels, int dropped) {

  static SourceData of(Source source, List<String> targetClasses, String strategyId) {
    Dataset<?> data = require(source, strategyId);
    ClassLabels labels = data.classLabels();
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < targetClasses.size(); c++) {
      index.put(targetClasses.get(c), c);
    }
    List<Integer> keep = new ArrayList<>();
    List<Integer> mapped = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Integer c = index.get(labels.names().get(labels.get(i)));
      if (c != null) {
        keep.add(i);
        mapped.add(c);
      }
    }
    if (keep.isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "strategy '"
              + strategyId
              + "': no class of source "
              + source.descriptor().id()
              + " "
              + labels.names()
              + " is a target class "
              + targetClasses
              + "; instance transfer needs source examples of the target's classes (matched by"
              + " name).");
    }
    int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
    Dataset<?> kept = rows.length == labels.size() ? data : data.subset(rows);
    FeatureRows x = FeatureRows.of(source.features(kept));
    return new SourceData(
        x, mapped.stream().mapToInt(Integer::intValue).toArray(), labels.size() - rows.length);
  }

  /** The source's labelled data, or an error naming the strategy and the source. */
  static Dataset<?> require(Source source, String strategyId) {
    return source
        .labelledData()
        .orElseThrow(
            () ->
                new GraftException(
                    GraftErrors.REQUIREMENT_NOT_MET,
                    "strategy '"
                        + strategyId
                        + "' needs labelled source data but source "
                        + source.descriptor().id()
                        + " has none; choose a source that ships its data set."));
  }

  /** At most {@code max} rows, drawn without replacement from a seeded shuffle (in row order). */
  SourceData sample(int max, long seed) {
    int n = features.rows();
    if (n <= max) {
      return this;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] rows = java.util.Arrays.copyOf(order, max);
    java.util.Arrays.sort(rows);
    int[] y = new int[max];
    for (int i = 0; i < max; i++) {
      y[i] = labels[rows[i]];
    }
    return new SourceData(features.select(rows), y, dropped);
  }
}
