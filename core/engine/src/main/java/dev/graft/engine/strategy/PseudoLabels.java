package dev.graft.engine.strategy;

import dev.graft.api.data.ProbabilityMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Class-balanced selection of confident pseudo-labels: of the pool rows whose top probability
 * reaches the threshold, each class keeps at most {@code m} (its most confident), where {@code m}
 * is the smallest count among the classes that have any confident row, so no class dominates the
 * next round.
 *
 * @param rows the selected pool rows
 * @param labels their pseudo-labels
 * @param perClass how many each class got
 */
record PseudoLabels(int[] rows, int[] labels, int[] perClass) {

  static PseudoLabels select(ProbabilityMatrix p, double threshold) {
    int k = p.classes();
    List<List<int[]>> byClass = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      byClass.add(new ArrayList<>());
    }
    double[] v = p.values().data();
    int[] best = p.argmax().values();
    for (int i = 0; i < p.rows(); i++) {
      if (v[i * k + best[i]] >= threshold) {
        byClass.get(best[i]).add(new int[] {i});
      }
    }
    int m = Integer.MAX_VALUE;
    for (List<int[]> c : byClass) {
      if (!c.isEmpty()) {
        m = Math.min(m, c.size());
      }
    }
    List<Integer> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int[] perClass = new int[k];
    for (int c = 0; c < k; c++) {
      final int cls = c;
      List<int[]> candidates = byClass.get(c);
      candidates.sort(
          Comparator.<int[]>comparingDouble(r -> -v[r[0] * k + cls]).thenComparingInt(r -> r[0]));
      for (int j = 0; j < Math.min(m, candidates.size()); j++) {
        rows.add(candidates.get(j)[0]);
        labels.add(c);
        perClass[c]++;
      }
    }
    return new PseudoLabels(
        rows.stream().mapToInt(Integer::intValue).toArray(),
        labels.stream().mapToInt(Integer::intValue).toArray(),
        perClass);
  }

  String describe(int round) {
    return "round " + round + ": " + rows.length + " pseudo-labels " + Arrays.toString(perClass);
  }
}
