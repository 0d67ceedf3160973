package dev.graft.recommender.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainGenerator;
import org.junit.jupiter.api.Test;

class RecommenderSplitsTest {

  private static Interactions data() {
    return CrossDomainGenerator.generate(
            new CrossDomainConfig(300, 0.5, 50, 100, 120, 4, 10, 12, 0.3, 3, 2, 0.5, 0.5, 0, 0, 11))
        .target();
  }

  /** For every user, the latest training timestamp is not after the earliest held-out one. */
  private static void assertNoLeakage(TrainTest split, boolean strict) {
    long[] maxTrain = new long[split.train().numUsers()];
    long[] minTest = new long[split.train().numUsers()];
    java.util.Arrays.fill(maxTrain, Long.MIN_VALUE);
    java.util.Arrays.fill(minTest, Long.MAX_VALUE);
    for (int r = 0; r < split.train().size(); r++) {
      maxTrain[split.train().user(r)] =
          Math.max(maxTrain[split.train().user(r)], split.train().timestamp(r));
    }
    for (int r = 0; r < split.test().size(); r++) {
      minTest[split.test().user(r)] =
          Math.min(minTest[split.test().user(r)], split.test().timestamp(r));
    }
    for (int u = 0; u < maxTrain.length; u++) {
      assertTrue(
          strict ? maxTrain[u] < minTest[u] : maxTrain[u] <= minTest[u],
          "user " + u + " trains on " + maxTrain[u] + " but is tested on " + minTest[u]);
    }
  }

  @Test
  void leaveLastOutHoldsOutExactlyTheLatestInteractionOfEachUser() {
    Interactions all = data();
    TrainTest split = RecommenderSplits.leaveLastOut(all);
    int[] counts = all.userCounts();
    int eligible = 0;
    for (int c : counts) {
      eligible += c >= 2 ? 1 : 0;
    }
    assertEquals(eligible, split.test().size());
    assertEquals(all.size(), split.train().size() + split.test().size());
    int[] testCounts = split.test().userCounts();
    for (int u = 0; u < counts.length; u++) {
      assertEquals(counts[u] >= 2 ? 1 : 0, testCounts[u]);
    }
    assertNoLeakage(split, false);
    assertEquals(0, split.testRowsOfUnseenUsers());
  }

  @Test
  void aGlobalTimeSplitTrainsStrictlyBeforeItTests() {
    Interactions all = data();
    TrainTest split = RecommenderSplits.globalTime(all, 0.7);
    long lastTrain = Long.MIN_VALUE;
    for (int r = 0; r < split.train().size(); r++) {
      lastTrain = Math.max(lastTrain, split.train().timestamp(r));
    }
    for (int r = 0; r < split.test().size(); r++) {
      assertTrue(split.test().timestamp(r) > lastTrain, "a held-out row precedes training");
    }
    assertNoLeakage(split, true);
    double fraction = (double) split.train().size() / all.size();
    assertTrue(fraction > 0.65 && fraction <= 0.7, "train fraction " + fraction);
  }

  @Test
  void degenerateSplitsAreClearErrors() {
    Interactions all = data();
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> RecommenderSplits.globalTime(all, 0L));
    assertEquals(RecommenderErrors.EMPTY_SPLIT, e.errorId());
    assertThrows(ConfigException.class, () -> RecommenderSplits.globalTime(all, 1.5));
    assertThrows(ConfigException.class, () -> RecommenderSplits.parse(all, "first"));
    Interactions single = all.select(new int[] {0});
    assertEquals(
        RecommenderErrors.EMPTY_SPLIT,
        assertThrows(InvalidInputException.class, () -> RecommenderSplits.leaveLastOut(single))
            .errorId());
  }
}
