package dev.graft.engine.estimate.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, class-stratified subsets and folds. */
public final class Sampling {

  private Sampling() {}

  /**
   * At most {@code max} example indices, keeping each class's share (at least one per present
   * class), in increasing order; all indices when there are no more than {@code max}.
   *
   * @param labels class of each example
   * @param max most indices to return
   * @param seed random seed
   * @return sorted indices
   */
  public static int[] stratified(int[] labels, int max, long seed) {
    int n = labels.length;
    if (n <= max) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    List<List<Integer>> byClass = byClass(labels);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Integer> chosen = new ArrayList<>(max);
    for (List<Integer> members : byClass) {
      if (members.isEmpty()) {
        continue;
      }
      shuffle(members, rnd);
      int take = Math.max(1, (int) Math.round((double) members.size() * max / n));
      chosen.addAll(members.subList(0, Math.min(take, members.size())));
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * Assigns each example to one of {@code folds} folds, dealing each class's shuffled members
   * round-robin so every fold gets a near-equal share of every class.
   *
   * @param labels class of each example
   * @param folds number of folds
   * @param seed random seed
   * @return the fold of each example
   */
  public static int[] stratifiedFolds(int[] labels, int folds, long seed) {
    int[] fold = new int[labels.length];
    SplittableRandom rnd = new SplittableRandom(seed);
    int next = 0;
    for (List<Integer> members : byClass(labels)) {
      shuffle(members, rnd);
      for (int idx : members) {
        fold[idx] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  private static List<List<Integer>> byClass(int[] labels) {
    int classes = 0;
    for (int v : labels) {
      classes = Math.max(classes, v + 1);
    }
    List<List<Integer>> byClass = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    return byClass;
  }

  private static void shuffle(List<Integer> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
