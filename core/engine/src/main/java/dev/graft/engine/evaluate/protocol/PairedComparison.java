package dev.graft.engine.evaluate.protocol;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.engine.evaluate.stats.Summary;
import java.util.Arrays;

/**
 * Compares two methods measured on the same seeds or folds: the paired differences {@code a - b}
 * are summarised with a Student-t interval (95% unless another confidence is given). Pairing
 * removes the variation the runs share (the same split, the same initial seed), so it detects
 * smaller differences than comparing two independent intervals.
 *
 * <pre>{@code
 * RunResults transfer = RepeatedRuns.run(seeds, seed -> fineTune(seed));
 * RunResults scratch = RepeatedRuns.run(seeds, seed -> fromScratch(seed));
 * PairedDifference d = PairedComparison.compare(transfer, scratch, "accuracy");
 * boolean negativeTransfer = d.verdict() == PairedDifference.Verdict.B_BETTER;
 * }</pre>
 */
public final class PairedComparison {

  private PairedComparison() {}

  /**
   * Compares one metric of two result sets run over the same keys, pairing the runs by key.
   *
   * @param a results of method A
   * @param b results of method B, with the same keys (in any order)
   * @param metric the metric to compare, reported by both with the same direction
   * @return the summary of {@code a - b}
   * @throws InvalidInputException GRAFT-DATA-002 if the key sets, the metric or its direction
   *     differ
   */
  public static PairedDifference compare(RunResults a, RunResults b, String metric) {
    long[] keysA = a.keys();
    long[] keysB = b.keys();
    long[] sortedA = keysA.clone();
    long[] sortedB = keysB.clone();
    Arrays.sort(sortedA);
    Arrays.sort(sortedB);
    if (!Arrays.equals(sortedA, sortedB)) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "a paired comparison needs both methods run on the same seeds or folds; A ran "
              + Arrays.toString(keysA)
              + " and B ran "
              + Arrays.toString(keysB)
              + ".");
    }
    boolean higher = a.higherIsBetter(metric);
    if (b.higherIsBetter(metric) != higher) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "metric '" + metric + "' is higher-is-better in one result set and not in the other.");
    }
    double[] valuesA = a.values(metric);
    double[] valuesB = new double[keysA.length];
    for (int r = 0; r < keysA.length; r++) {
      valuesB[r] = b.value(metric, keysA[r]);
    }
    return compare(valuesA, valuesB, higher);
  }

  /**
   * Compares paired measurements with a 95% interval.
   *
   * @param a method A's value in each run
   * @param b method B's value in the same runs, same order
   * @param higherIsBetter whether larger values are better
   * @return the summary of {@code a - b}
   * @throws InvalidInputException GRAFT-DATA-002 if the lengths differ, GRAFT-DATA-003 if empty,
   *     GRAFT-DATA-001 naming a non-finite value
   */
  public static PairedDifference compare(double[] a, double[] b, boolean higherIsBetter) {
    return compare(a, b, higherIsBetter, Summary.DEFAULT_CONFIDENCE);
  }

  /**
   * Compares paired measurements.
   *
   * @param a method A's value in each run
   * @param b method B's value in the same runs, same order
   * @param higherIsBetter whether larger values are better
   * @param confidence the interval's coverage strictly between 0 and 1
   * @return the summary of {@code a - b}
   * @throws InvalidInputException GRAFT-DATA-002 if the lengths differ, GRAFT-DATA-003 if empty,
   *     GRAFT-DATA-001 naming a non-finite value
   */
  public static PairedDifference compare(
      double[] a, double[] b, boolean higherIsBetter, double confidence) {
    if (a.length != b.length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "paired comparison of "
              + a.length
              + " runs of A with "
              + b.length
              + " runs of B; pair every run of A with the run of B on the same seed or fold.");
    }
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "paired run " + i + " has A = " + a[i] + " and B = " + b[i] + "; both must be finite.");
      }
    }
    double[] differences = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      differences[i] = a[i] - b[i];
    }
    return new PairedDifference(Summary.of(differences, confidence), higherIsBetter);
  }
}
