package dev.graft.engine.evaluate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: row = true class, column = predicted class. The
 * per-class and averaged metrics of the {@code classification} evaluator are derived from it.
 *
 * <p>Conventions (those of scikit-learn with {@code zero_division=0}): precision of a class that is
 * never predicted is 0; recall of a class absent from the truth is 0; F1 is 0 when precision and
 * recall are both 0. A class is <em>present</em> if it occurs in the truth or in the predictions;
 * macro-F1 averages F1 over present classes only, so declared classes that never occur do not drag
 * it down.
 *
 * <p>Immutable.
 */
public final class ConfusionMatrix {

  private final int[][] counts;
  private final List<String> classNames;
  private final long total;

  private ConfusionMatrix(int[][] counts, List<String> classNames) {
    this.counts = counts;
    this.classNames = List.copyOf(classNames);
    long sum = 0;
    for (int[] row : counts) {
      for (int v : row) {
        sum += v;
      }
    }
    this.total = sum;
  }

  /**
   * Tallies predicted against true labels. Class names come from the truth.
   *
   * @param truth the true classes
   * @param predicted the predicted classes, same examples, same order, same class count
   * @return the matrix
   * @throws InvalidInputException GRAFT-DATA-002 if the sizes or class counts differ
   */
  public static ConfusionMatrix of(ClassLabels truth, ClassLabels predicted) {
    if (truth.size() != predicted.size()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "confusion matrix of "
              + truth.size()
              + " true labels against "
              + predicted.size()
              + " predictions; they must describe the same examples.");
    }
    if (truth.numClasses() != predicted.numClasses()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "the truth has "
              + truth.numClasses()
              + " classes but the predictions have "
              + predicted.numClasses()
              + "; predict over the target's classes.");
    }
    int k = truth.numClasses();
    int[][] counts = new int[k][k];
    for (int i = 0; i < truth.size(); i++) {
      counts[truth.get(i)][predicted.get(i)]++;
    }
    return new ConfusionMatrix(counts, truth.names());
  }

  /**
   * A matrix from given counts (for reports and tests).
   *
   * @param counts square counts, row = true class, column = predicted class, all non-negative
   * @param classNames one name per class
   * @return the matrix
   * @throws InvalidInputException GRAFT-DATA-002 if the matrix is not square or the names do not
   *     match, GRAFT-DATA-003 if it is empty, GRAFT-DATA-004 naming a negative count
   */
  public static ConfusionMatrix of(int[][] counts, List<String> classNames) {
    if (counts == null || counts.length == 0) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "confusion matrix has no classes.");
    }
    int k = counts.length;
    if (classNames.size() != k) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "confusion matrix has " + k + " rows but " + classNames.size() + " class names.");
    }
    int[][] copy = new int[k][];
    for (int r = 0; r < k; r++) {
      if (counts[r].length != k) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "confusion matrix row " + r + " has " + counts[r].length + " columns; expected " + k);
      }
      for (int c = 0; c < k; c++) {
        if (counts[r][c] < 0) {
          throw new InvalidInputException(
              GraftErrors.INVALID_LABELS,
              "confusion matrix count at row " + r + ", column " + c + " is " + counts[r][c]);
        }
      }
      copy[r] = counts[r].clone();
    }
    return new ConfusionMatrix(copy, classNames);
  }

  /**
   * Number of classes.
   *
   * @return the class count
   */
  public int numClasses() {
    return counts.length;
  }

  /**
   * Class names, index = class.
   *
   * @return an unmodifiable list
   */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * How many examples of class {@code actual} were predicted as {@code predicted}.
   *
   * @param actual the true class
   * @param predicted the predicted class
   * @return the count
   */
  public int count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /**
   * A copy of all counts, row = true class, column = predicted class.
   *
   * @return the counts
   */
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int r = 0; r < counts.length; r++) {
      copy[r] = counts[r].clone();
    }
    return copy;
  }

  /**
   * Number of examples.
   *
   * @return the total count
   */
  public long total() {
    return total;
  }

  /**
   * Number of examples whose true class is {@code c} (the row sum).
   *
   * @param c a class
   * @return its support
   */
  public int support(int c) {
    int sum = 0;
    for (int v : counts[c]) {
      sum += v;
    }
    return sum;
  }

  /**
   * Number of examples predicted as class {@code c} (the column sum).
   *
   * @param c a class
   * @return how often it was predicted
   */
  public int predictedCount(int c) {
    int sum = 0;
    for (int[] row : counts) {
      sum += row[c];
    }
    return sum;
  }

  /**
   * Whether class {@code c} occurs in the truth or the predictions.
   *
   * @param c a class
   * @return true if present
   */
  public boolean isPresent(int c) {
    return support(c) > 0 || predictedCount(c) > 0;
  }

  /**
   * The share of examples predicted correctly (trace / total).
   *
   * @return accuracy in [0, 1]
   */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return total == 0 ? 0 : (double) correct / total;
  }

  /**
   * Precision of class {@code c}: correct predictions of {@code c} over all predictions of {@code
   * c}; 0 if {@code c} is never predicted.
   *
   * @param c a class
   * @return precision in [0, 1]
   */
  public double precision(int c) {
    int predicted = predictedCount(c);
    return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
  }

  /**
   * Recall of class {@code c}: correct predictions of {@code c} over its true examples; 0 if {@code
   * c} is absent from the truth.
   *
   * @param c a class
   * @return recall in [0, 1]
   */
  public double recall(int c) {
    int support = support(c);
    return support == 0 ? 0 : (double) counts[c][c] / support;
  }

  /**
   * F1 of class {@code c}: the harmonic mean of precision and recall, 0 if both are 0.
   *
   * @param c a class
   * @return F1 in [0, 1]
   */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The unweighted mean of F1 over the present classes ({@link #isPresent}).
   *
   * @return macro-F1 in [0, 1], 0 if no class is present
   */
  public double macroF1() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (isPresent(c)) {
        sum += f1(c);
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }

  /**
   * The matrix as a plain-text table, true classes down, predicted classes across.
   *
   * @return a multi-line table
   */
  public String toTable() {
    int width = "true\\pred".length();
    for (String name : classNames) {
      width = Math.max(width, name.length());
    }
    for (int[] row : counts) {
      for (int v : row) {
        width = Math.max(width, Integer.toString(v).length());
      }
    }
    String cell = "%" + (width + 1) + "s";
    StringBuilder out = new StringBuilder(String.format(cell, "true\\pred"));
    for (String name : classNames) {
      out.append(String.format(cell, name));
    }
    for (int r = 0; r < counts.length; r++) {
      out.append('\n').append(String.format(cell, classNames.get(r)));
      for (int v : counts[r]) {
        out.append(String.format(cell, v));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix m
        && Arrays.deepEquals(counts, m.counts)
        && classNames.equals(m.classNames);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(counts) + classNames.hashCode();
  }

  @Override
  public String toString() {
    return "ConfusionMatrix[" + counts.length + " classes, " + total + " examples]";
  }
}
