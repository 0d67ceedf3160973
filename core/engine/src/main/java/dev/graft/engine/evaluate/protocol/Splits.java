package dev.graft.engine.evaluate.protocol;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded data splits: held-out splits by fraction, k-fold assignments, and exactly {@code k}
 * labelled examples per class. The stratified variants keep each class's share of the data in every
 * part. All are deterministic: the same input and seed give the same split ({@link Random} with the
 * given seed shuffles each class's examples in class order).
 */
public final class Splits {

  private Splits() {}

  /**
   * A random held-out split of {@code n} examples (for regression and ranking, where there are no
   * classes to stratify by).
   *
   * @param n number of examples, at least 2
   * @param testFraction share of examples in the test part, strictly between 0 and 1; the test part
   *     gets {@code round(n * testFraction)} examples, at least 1 and at most {@code n - 1}
   * @param seed the random seed
   * @return the split
   * @throws ConfigException GRAFT-CONFIG-001 if the fraction is out of range
   * @throws InvalidInputException GRAFT-DATA-003 if there are fewer than 2 examples
   */
  public static Split holdOut(int n, double testFraction, long seed) {
    requireFraction(testFraction);
    if (n < 2) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT,
          "a held-out split needs at least 2 examples (one to train, one to test); got " + n + ".");
    }
    int[] order = shuffledRange(n, new Random(seed));
    int testCount = clamp((int) Math.round(n * testFraction), 1, n - 1);
    return new Split(
        Arrays.copyOfRange(order, testCount, n), Arrays.copyOfRange(order, 0, testCount));
  }

  /**
   * A stratified held-out split: each class with {@code c} examples puts {@code round(c *
   * testFraction)} of them in the test part, at least 1 and at most {@code c - 1} so that every
   * class with two or more examples appears in both parts; a class with a single example stays in
   * the training part.
   *
   * @param labels the class of each example
   * @param testFraction share of each class in the test part, strictly between 0 and 1
   * @param seed the random seed
   * @return the split
   * @throws ConfigException GRAFT-CONFIG-001 if the fraction is out of range
   * @throws InvalidInputException GRAFT-DATA-004 if no class has two examples (the test part would
   *     be empty)
   */
  public static Split stratifiedHoldOut(ClassLabels labels, double testFraction, long seed) {
    requireFraction(testFraction);
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] members : shuffledClasses(labels, random)) {
      int c = members.length;
      int testCount = c < 2 ? 0 : clamp((int) Math.round(c * testFraction), 1, c - 1);
      for (int j = 0; j < c; j++) {
        (j < testCount ? test : train).add(members[j]);
      }
    }
    if (test.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "every class has at most one example ("
              + labels.size()
              + " examples), so a stratified split has no test examples; label more examples.");
    }
    return new Split(toArray(train), toArray(test));
  }

  /**
   * A random k-fold assignment of {@code n} examples: fold sizes differ by at most one.
   *
   * @param n number of examples, at least {@code k}
   * @param k number of folds, at least 2
   * @param seed the random seed
   * @return the fold ({@code 0 .. k-1}) of each example
   * @throws ConfigException GRAFT-CONFIG-001 if {@code k < 2} or {@code k > n}
   */
  public static int[] kFoldAssignment(int n, int k, long seed) {
    requireFolds(k, n);
    int[] order = shuffledRange(n, new Random(seed));
    int[] fold = new int[n];
    for (int j = 0; j < n; j++) {
      fold[order[j]] = j % k;
    }
    return fold;
  }

  /**
   * A stratified k-fold assignment: each class's examples are shuffled and dealt to the folds in
   * turn, continuing where the previous class stopped, so each class's count per fold differs by at
   * most one and so do the fold sizes. A class with fewer than {@code k} examples is missing from
   * some folds.
   *
   * @param labels the class of each example
   * @param k number of folds, at least 2 and at most the number of examples
   * @param seed the random seed
   * @return the fold ({@code 0 .. k-1}) of each example
   * @throws ConfigException GRAFT-CONFIG-001 if {@code k < 2} or {@code k} exceeds the examples
   */
  public static int[] stratifiedKFoldAssignment(ClassLabels labels, int k, long seed) {
    requireFolds(k, labels.size());
    int[] fold = new int[labels.size()];
    int next = 0;
    for (int[] members : shuffledClasses(labels, new Random(seed))) {
      for (int index : members) {
        fold[index] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  /**
   * The splits of a fold assignment: split {@code f} tests on fold {@code f} and trains on the
   * rest.
   *
   * @param assignment the fold of each example, in {@code 0 .. k-1}
   * @param k number of folds
   * @return {@code k} splits, in fold order
   * @throws InvalidInputException GRAFT-DATA-002 naming an example whose fold is out of range, or
   *     GRAFT-DATA-003 naming an empty fold
   */
  public static List<Split> folds(int[] assignment, int k) {
    requireFolds(k, assignment.length);
    List<List<Integer>> members = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] < 0 || assignment[i] >= k) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "example " + i + " is assigned to fold " + assignment[i] + "; folds are 0.." + (k - 1));
      }
      members.get(assignment[i]).add(i);
    }
    List<Split> splits = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      if (members.get(f).isEmpty()) {
        throw new InvalidInputException(
            GraftErrors.EMPTY_INPUT, "fold " + f + " of " + k + " has no examples.");
      }
      List<Integer> train = new ArrayList<>(assignment.length);
      for (int g = 0; g < k; g++) {
        if (g != f) {
          train.addAll(members.get(g));
        }
      }
      splits.add(new Split(toArray(train), toArray(members.get(f))));
    }
    return splits;
  }

  /**
   * Stratified k-fold splits: {@link #folds} of {@link #stratifiedKFoldAssignment}.
   *
   * @param labels the class of each example
   * @param k number of folds
   * @param seed the random seed
   * @return {@code k} splits whose test parts partition the examples
   */
  public static List<Split> stratifiedKFold(ClassLabels labels, int k, long seed) {
    return folds(stratifiedKFoldAssignment(labels, k, seed), k);
  }

  /**
   * Exactly {@code k} labelled training examples per class, drawn at random; every other example is
   * a test example. This is the split of a learning curve over label budgets ("5 labels per
   * class").
   *
   * @param labels the class of each example; every class {@code 0 .. numClasses-1} must have at
   *     least {@code k + 1} examples
   * @param k labels per class, at least 1
   * @param seed the random seed
   * @return the split, with {@code k * numClasses} training examples
   * @throws ConfigException GRAFT-CONFIG-001 if {@code k < 1}
   * @throws InvalidInputException GRAFT-DATA-004 naming every class with fewer than {@code k + 1}
   *     examples and its count
   */
  public static Split kPerClass(ClassLabels labels, int k, long seed) {
    ConfigException.require(k >= 1, "labels per class", k, "at least 1");
    int[] counts = labels.counts();
    List<String> tooSmall = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] < k + 1) {
        tooSmall.add("'" + labels.names().get(c) + "' has " + counts[c]);
      }
    }
    if (!tooSmall.isEmpty()) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "sampling "
              + k
              + " labels per class needs at least "
              + (k + 1)
              + " examples in every class ("
              + k
              + " to train, at least one to test), but class "
              + String.join(", class ", tooSmall)
              + "; lower the budget or label more examples of those classes.");
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (int[] members : shuffledClasses(labels, new Random(seed))) {
      for (int j = 0; j < members.length; j++) {
        (j < k ? train : test).add(members[j]);
      }
    }
    return new Split(toArray(train), toArray(test));
  }

  /** Each class's example indices, shuffled, in class order. */
  private static List<int[]> shuffledClasses(ClassLabels labels, Random random) {
    int[] counts = labels.counts();
    int[][] members = new int[counts.length][];
    int[] filled = new int[counts.length];
    for (int c = 0; c < counts.length; c++) {
      members[c] = new int[counts[c]];
    }
    for (int i = 0; i < labels.size(); i++) {
      int c = labels.get(i);
      members[c][filled[c]++] = i;
    }
    List<int[]> out = new ArrayList<>(counts.length);
    for (int[] m : members) {
      shuffle(m, random);
      out.add(m);
    }
    return out;
  }

  private static int[] shuffledRange(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, random);
    return order;
  }

  /** Fisher-Yates. */
  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  private static void requireFraction(double testFraction) {
    ConfigException.require(
        testFraction > 0 && testFraction < 1,
        "test fraction",
        testFraction,
        "strictly between 0 and 1, e.g. 0.2");
  }

  private static void requireFolds(int k, int n) {
    ConfigException.require(k >= 2, "folds", k, "at least 2");
    ConfigException.require(k <= n, "folds", k, "at most the number of examples (" + n + ")");
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
