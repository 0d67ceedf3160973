package dev.graft.engine.evaluate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The area under the ROC curve: the probability that a random positive example scores higher than a
 * random negative one, ties counting one half. Computed exactly as the Mann-Whitney U statistic
 * from average ranks, {@code (R+ - n+(n+ + 1)/2) / (n+ n-)}, in {@code O(n log n)}.
 */
public final class RocAuc {

  private RocAuc() {}

  /**
   * The one-vs-rest AUCs of a multi-class prediction and their unweighted mean.
   *
   * @param macro the mean AUC over the scored classes, empty if none could be scored
   * @param perClass each scored class's AUC (its probability column against the rest), by class
   * @param skippedClasses classes that could not be scored: absent from the truth (no positives) or
   *     the only class present (no negatives)
   */
  public record OneVsRest(
      OptionalDouble macro, Map<Integer, Double> perClass, List<Integer> skippedClasses) {

    /** Freezes the collections. */
    public OneVsRest {
      perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
      skippedClasses = List.copyOf(skippedClasses);
    }
  }

  /**
   * The AUC of scores against binary truth.
   *
   * @param scores one score per example, finite; higher means "more positive"
   * @param positive whether each example is positive
   * @return the AUC in [0, 1]
   * @throws InvalidInputException GRAFT-DATA-002 if the lengths differ, GRAFT-DATA-001 naming a
   *     non-finite score, GRAFT-DATA-004 if there is no positive or no negative example
   */
  public static double binary(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "ROC-AUC got " + scores.length + " scores but " + positive.length + " labels.");
    }
    long positives = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "ROC-AUC score " + i + " is " + scores[i] + "; scores must be finite.");
      }
      positives += positive[i] ? 1 : 0;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "ROC-AUC needs at least one positive and one negative example; got "
              + positives
              + " positives and "
              + negatives
              + " negatives.");
    }
    double positiveRankSum = positiveRankSum(scores, positive);
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }

  /**
   * Macro one-vs-rest AUC: for each class present in the truth (with at least one example outside
   * it), the AUC of its probability column for "is this class"; then the unweighted mean.
   *
   * @param probabilities class probabilities, one row per example
   * @param truth the true classes, same examples, same class count
   * @return the per-class AUCs, their mean and the skipped classes
   * @throws InvalidInputException GRAFT-DATA-002 if the sizes or class counts differ
   */
  public static OneVsRest oneVsRest(ProbabilityMatrix probabilities, ClassLabels truth) {
    EvaluationInputs.sameRows(probabilities.rows(), truth.size(), "roc-auc");
    EvaluationInputs.sameColumns(
        probabilities.classes(), truth.numClasses(), "class columns", "roc-auc");
    int n = truth.size();
    int k = truth.numClasses();
    int[] counts = truth.counts();
    double[] p = probabilities.values().data();
    Map<Integer, Double> perClass = new LinkedHashMap<>();
    List<Integer> skipped = new ArrayList<>();
    double sum = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0 || counts[c] == n) {
        skipped.add(c);
        continue;
      }
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = p[i * k + c];
        positive[i] = truth.get(i) == c;
      }
      double auc = binary(scores, positive);
      perClass.put(c, auc);
      sum += auc;
    }
    OptionalDouble macro =
        perClass.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(sum / perClass.size());
    return new OneVsRest(macro, perClass, skipped);
  }

  /** The sum of the 1-based ranks of the positives, tied scores sharing their average rank. */
  private static double positiveRankSum(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
    double sum = 0;
    int start = 0;
    while (start < n) {
      int end = start;
      while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1;
      for (int j = start; j <= end; j++) {
        if (positive[order[j]]) {
          sum += averageRank;
        }
      }
      start = end + 1;
    }
    return sum;
  }
}
