package dev.graft.sdk.train;

import dev.graft.api.data.ClassLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified split of labelled examples into training and validation indices: each class
 * gives {@code round(fraction * count)} examples to validation (at least one when the class has two
 * or more and the fraction is positive), chosen by a seeded shuffle.
 *
 * @param train training indices, ascending
 * @param validation validation indices, ascending
 */
public record StratifiedSplit(int[] train, int[] validation) {

  public static StratifiedSplit of(ClassLabels labels, double fraction, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < labels.numClasses(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.size(); i++) {
      byClass.get(labels.get(i)).add(i);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    for (List<Integer> members : byClass) {
      for (int i = members.size() - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        Integer t = members.get(i);
        members.set(i, members.get(j));
        members.set(j, t);
      }
      int take = (int) Math.round(fraction * members.size());
      if (fraction > 0 && take == 0 && members.size() >= 2) {
        take = 1;
      }
      validation.addAll(members.subList(0, take));
      train.addAll(members.subList(take, members.size()));
    }
    return new StratifiedSplit(sorted(train), sorted(validation));
  }

  private static int[] sorted(List<Integer> list) {
    int[] out = list.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
