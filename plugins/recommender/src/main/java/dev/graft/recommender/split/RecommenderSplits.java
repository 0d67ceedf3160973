package dev.graft.recommender.split;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Interactions;
import java.util.Arrays;
import java.util.Locale;

/**
 * The splits recommender papers use. Both are deterministic (no randomness) and leak nothing: a
 * user's training rows are never later than any of that user's held-out rows.
 */
public final class RecommenderSplits {

  private RecommenderSplits() {}

  /**
   * Leave-last-out: for every user with at least two interactions, the latest one (by timestamp; of
   * equal timestamps the row that comes last in the input) is held out; everything else trains.
   * Users with a single interaction keep it for training.
   *
   * @param data the interactions
   * @return the split
   * @throws InvalidInputException REC-SPLIT-001 if no user has two interactions
   */
  public static TrainTest leaveLastOut(Interactions data) {
    int[][] byUser = data.rowsByUser();
    int[] test = new int[byUser.length];
    int nTest = 0;
    boolean[] held = new boolean[data.size()];
    for (int[] rows : byUser) {
      if (rows.length >= 2) {
        int last = rows[rows.length - 1];
        held[last] = true;
        test[nTest++] = last;
      }
    }
    if (nTest == 0) {
      throw new InvalidInputException(
          RecommenderErrors.EMPTY_SPLIT,
          "leave-last-out needs users with at least two interactions; none of the "
              + data.numUsers()
              + " users has two.");
    }
    int[] train = new int[data.size() - nTest];
    int k = 0;
    for (int r = 0; r < data.size(); r++) {
      if (!held[r]) {
        train[k++] = r;
      }
    }
    int[] testRows = Arrays.copyOf(test, nTest);
    Arrays.sort(testRows);
    return TrainTest.of(data, train, testRows);
  }

  /**
   * Global time split: the earliest {@code trainFraction} of all interactions train, the rest are
   * held out. Rows sharing the cut-off timestamp all go to the held-out side, so every training row
   * is strictly earlier than every held-out row.
   *
   * @param data the interactions
   * @param trainFraction fraction of rows (by time) to train on, in (0, 1)
   * @return the split
   * @throws ConfigException if the fraction is outside (0, 1)
   * @throws InvalidInputException REC-SPLIT-001 if one side is empty
   */
  public static TrainTest globalTime(Interactions data, double trainFraction) {
    ConfigException.require(
        trainFraction > 0 && trainFraction < 1,
        "holdout time fraction",
        trainFraction,
        "a training fraction strictly between 0 and 1, e.g. time:0.8");
    long[] times = new long[data.size()];
    for (int r = 0; r < times.length; r++) {
      times[r] = data.timestamp(r);
    }
    Arrays.sort(times);
    int cut = (int) Math.floor(times.length * trainFraction);
    long cutoff = times[Math.min(cut, times.length - 1)];
    return globalTime(data, cutoff);
  }

  /**
   * Global time split at a timestamp: rows strictly before {@code cutoff} train, the others are
   * held out.
   *
   * @param data the interactions
   * @param cutoff the first held-out timestamp
   * @return the split
   * @throws InvalidInputException REC-SPLIT-001 if one side is empty
   */
  public static TrainTest globalTime(Interactions data, long cutoff) {
    int nTrain = 0;
    for (int r = 0; r < data.size(); r++) {
      nTrain += data.timestamp(r) < cutoff ? 1 : 0;
    }
    if (nTrain == 0 || nTrain == data.size()) {
      throw new InvalidInputException(
          RecommenderErrors.EMPTY_SPLIT,
          String.format(
              Locale.ROOT,
              "a time split at %d leaves %d training and %d held-out interactions; choose a"
                  + " cut-off inside the data's time range.",
              cutoff,
              nTrain,
              data.size() - nTrain));
    }
    int[] train = new int[nTrain];
    int[] test = new int[data.size() - nTrain];
    int a = 0;
    int b = 0;
    for (int r = 0; r < data.size(); r++) {
      if (data.timestamp(r) < cutoff) {
        train[a++] = r;
      } else {
        test[b++] = r;
      }
    }
    return TrainTest.of(data, train, test);
  }

  /**
   * Parses a {@code holdout} reader option and applies it: {@code last} (leave-last-out) or {@code
   * time:<fraction>} (global time split).
   *
   * @param data the interactions
   * @param spec the option value
   * @return the split
   * @throws ConfigException if the value is neither
   */
  public static TrainTest parse(Interactions data, String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("last") || s.equals("leave-last-out")) {
      return leaveLastOut(data);
    }
    if (s.startsWith("time:")) {
      try {
        return globalTime(data, Double.parseDouble(s.substring(5)));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new ConfigException(
        "holdout '"
            + spec
            + "' is not a split; use none, last, or time:<fraction> (e.g. time:0.8).");
  }
}
