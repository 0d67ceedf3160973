package dev.graft.engine.estimate;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Weighted Kendall's τ exactly as {@code scipy.stats.weightedtau(x, y, rank=True)} with the default
 * hyperbolic weigher {@code 1/(r+1)} and additive weights: the mean of the weighted τ ranking by
 * {@code x} and the weighted τ ranking by {@code y}, where an element's rank is its position when
 * sorted by decreasing value (ties broken lexicographically by the other variable). Pairs among the
 * top of the ranking weigh most, which suits validating transferability rankings: getting the best
 * sources in order matters more than ordering the worst ones.
 *
 * <p>Returns NaN when either variable is constant, like scipy.
 */
public final class WeightedKendallTau {

  private WeightedKendallTau() {}

  /**
   * The weighted τ of two equally long score vectors.
   *
   * @param x first scores (e.g. an estimator's), finite
   * @param y second scores (e.g. the accuracy achieved after transfer), finite
   * @return τ in [-1, 1], or NaN if either is constant
   * @throws InvalidInputException on different lengths, empty input or non-finite values
   */
  public static double of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "weighted tau needs two vectors of one length; got "
              + x.length
              + " and "
              + y.length
              + ".");
    }
    if (x.length == 0) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "weighted tau of empty vectors.");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "weighted tau input holds a non-finite value at index " + i + "; remove it first.");
      }
    }
    // +0.0 folds -0.0 into 0.0, which NumPy also treats as equal
    double[] a = new double[x.length];
    double[] b = new double[y.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = x[i] + 0.0;
      b[i] = y[i] + 0.0;
    }
    return (oneSided(a, b) + oneSided(b, a)) / 2;
  }

  private static double weigh(int rank) {
    return 1.0 / (1 + rank);
  }

  /** scipy's {@code _weightedrankedtau(x, y, rank=None, weigher=hyperbolic, additive=True)}. */
  private static double oneSided(double[] x, double[] y) {
    int n = x.length;
    // lexsort((y, x)): by x, then y, then index (stable)
    Integer[] boxed =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]))
            .toArray(Integer[]::new);
    int[] perm = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[perm[n - 1 - i]] = i;
    }

    double t = tieWeight(perm, rank, (a, b) -> x[a] != x[b] || y[a] != y[b]);
    double u = tieWeight(perm, rank, (a, b) -> x[a] != x[b]);
    if (u < 0) {
      return Double.NaN;
    }
    double[] exchanges = new double[1];
    int[] temp = new int[n];
    weighMerge(perm, temp, 0, n, y, rank, exchanges);
    double v = tieWeight(perm, rank, (a, b) -> y[a] != y[b]);
    if (v < 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += weigh(rank[perm[i]]);
    }
    double tot = s * (n - 1);
    double tau =
        ((tot - (v + u - t)) - 2.0 * exchanges[0]) / Math.sqrt(tot - u) / Math.sqrt(tot - v);
    return Math.min(1.0, Math.max(-1.0, tau));
  }

  private interface Differs {
    boolean test(int a, int b);
  }

  /** Additive weight of tied runs along {@code perm}; -1 when everything is one run (constant). */
  private static double tieWeight(int[] perm, int[] rank, Differs differs) {
    int n = perm.length;
    int first = 0;
    double total = 0;
    double s = weigh(rank[perm[first]]);
    for (int i = 1; i < n; i++) {
      if (differs.test(perm[first], perm[i])) {
        total += s * (i - first - 1);
        first = i;
        s = 0;
      }
      s += weigh(rank[perm[i]]);
    }
    total += s * (n - first - 1);
    return first == 0 ? -1 : total;
  }

  /** Stable merge sort of {@code perm[offset, offset+length)} by {@code y}, weighing exchanges. */
  private static double weighMerge(
      int[] perm, int[] temp, int offset, int length, double[] y, int[] rank, double[] exchanges) {
    if (length == 1) {
      return weigh(rank[perm[offset]]);
    }
    int length0 = length / 2;
    int length1 = length - length0;
    int middle = offset + length0;
    double residual = weighMerge(perm, temp, offset, length0, y, rank, exchanges);
    double weight = weighMerge(perm, temp, middle, length1, y, rank, exchanges) + residual;
    if (y[perm[middle - 1]] < y[perm[middle]]) {
      return weight;
    }
    int i = 0;
    int j = 0;
    int k = 0;
    while (j < length0 && k < length1) {
      if (y[perm[offset + j]] <= y[perm[middle + k]]) {
        temp[i] = perm[offset + j];
        residual -= weigh(rank[temp[i]]);
        j++;
      } else {
        temp[i] = perm[middle + k];
        exchanges[0] += weigh(rank[temp[i]]) * (length0 - j) + residual;
        k++;
      }
      i++;
    }
    System.arraycopy(perm, offset + j, perm, offset + i, length0 - j);
    System.arraycopy(temp, 0, perm, offset, i);
    return weight;
  }
}
