package dev.graft.engine.evaluate.protocol;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Arrays;

/**
 * A division of a data set's examples into a training part and a test part, as example indices in
 * ascending order. Apply it with {@link dev.graft.api.data.Dataset#subset(int[])} or {@link
 * dev.graft.api.data.FeatureMatrix#selectRows(int[])}.
 *
 * @param train indices of the training examples, ascending
 * @param test indices of the test examples, ascending
 */
public record Split(int[] train, int[] test) {

  /**
   * Copies the arrays and checks that no index is in both parts.
   *
   * @throws InvalidInputException GRAFT-DATA-002 naming an index in both parts
   */
  public Split {
    train = sortedCopy(train);
    test = sortedCopy(test);
    int i = 0;
    int j = 0;
    while (i < train.length && j < test.length) {
      if (train[i] == test[j]) {
        throw new InvalidInputException(
            GraftErrors.SIZE_MISMATCH,
            "example " + train[i] + " is in both the training and the test part of a split.");
      }
      if (train[i] < test[j]) {
        i++;
      } else {
        j++;
      }
    }
  }

  private static int[] sortedCopy(int[] indices) {
    int[] copy = indices == null ? new int[0] : indices.clone();
    Arrays.sort(copy);
    return copy;
  }

  /**
   * The training indices.
   *
   * @return a copy, ascending
   */
  @Override
  public int[] train() {
    return train.clone();
  }

  /**
   * The test indices.
   *
   * @return a copy, ascending
   */
  @Override
  public int[] test() {
    return test.clone();
  }

  /**
   * Number of training examples.
   *
   * @return the count
   */
  public int trainSize() {
    return train.length;
  }

  /**
   * Number of test examples.
   *
   * @return the count
   */
  public int testSize() {
    return test.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Split s && Arrays.equals(train, s.train) && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(train) + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "Split[train=" + train.length + ", test=" + test.length + "]";
  }
}
