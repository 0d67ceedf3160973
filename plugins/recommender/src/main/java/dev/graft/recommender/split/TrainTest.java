package dev.graft.recommender.split;

import dev.graft.recommender.data.Interactions;

/**
 * A split of interactions into training and held-out (test) rows over the same id spaces.
 *
 * @param train the rows a model may learn from
 * @param test the held-out rows, all later than the same user's training rows
 * @param testRowsOfUnseenUsers held-out rows whose user has no training row (no model can rank for
 *     that user from this data; they are still in {@code test})
 * @param testRowsOfUnseenItems held-out rows whose item has no training row
 */
public record TrainTest(
    Interactions train, Interactions test, int testRowsOfUnseenUsers, int testRowsOfUnseenItems) {

  static TrainTest of(Interactions all, int[] trainRows, int[] testRows) {
    Interactions train = all.select(trainRows);
    Interactions test = all.select(testRows);
    int[] uc = train.userCounts();
    int[] ic = train.itemCounts();
    int unseenUsers = 0;
    int unseenItems = 0;
    for (int r = 0; r < test.size(); r++) {
      unseenUsers += uc[test.user(r)] == 0 ? 1 : 0;
      unseenItems += ic[test.item(r)] == 0 ? 1 : 0;
    }
    return new TrainTest(train, test, unseenUsers, unseenItems);
  }
}
