package dev.graft.engine.evaluate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** 3 classes with 10, 7 and 4 examples, interleaved. */
  private static ClassLabels labels() {
    int[] counts = {10, 7, 4};
    int[] values = new int[21];
    int[] left = counts.clone();
    int i = 0;
    while (i < values.length) {
      for (int c = 0; c < 3; c++) {
        if (left[c] > 0) {
          values[i++] = c;
          left[c]--;
        }
      }
    }
    return ClassLabels.of(values, List.of("a", "b", "c"));
  }

  private static int[] classCounts(ClassLabels labels, int[] indices) {
    int[] counts = new int[labels.numClasses()];
    for (int i : indices) {
      counts[labels.get(i)]++;
    }
    return counts;
  }

  private static void assertPartition(int n, Split split) {
    boolean[] seen = new boolean[n];
    for (int[] part : new int[][] {split.train(), split.test()}) {
      for (int i : part) {
        assertTrue(!seen[i], "index " + i + " twice");
        seen[i] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      assertTrue(seen[i], "index " + i + " missing");
    }
  }

  @Test
  void kPerClassTakesExactlyKOfEveryClassAndTestsOnTheRest() {
    ClassLabels labels = labels();
    Split split = Splits.kPerClass(labels, 3, 11);
    assertArrayEquals(new int[] {3, 3, 3}, classCounts(labels, split.train()));
    assertArrayEquals(new int[] {7, 4, 1}, classCounts(labels, split.test()));
    assertPartition(labels.size(), split);
  }

  @Test
  void kPerClassIsDeterministicPerSeedAndVariesAcrossSeeds() {
    ClassLabels labels = labels();
    assertEquals(Splits.kPerClass(labels, 2, 5), Splits.kPerClass(labels, 2, 5));
    assertNotEquals(Splits.kPerClass(labels, 2, 5), Splits.kPerClass(labels, 2, 6));
  }

  @Test
  void kPerClassFailsNamingEveryClassThatIsTooSmall() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> Splits.kPerClass(labels(), 7, 1));
    assertEquals(GraftErrors.INVALID_LABELS, e.errorId());
    assertTrue(e.getMessage().contains("at least 8"), e.getMessage());
    assertTrue(e.getMessage().contains("'b' has 7"), e.getMessage());
    assertTrue(e.getMessage().contains("'c' has 4"), e.getMessage());
    assertThrows(ConfigException.class, () -> Splits.kPerClass(labels(), 0, 1));
  }

  @Test
  void stratifiedFoldsPartitionTheDataAndBalanceEveryClass() {
    ClassLabels labels = labels();
    int k = 4;
    int[] assignment = Splits.stratifiedKFoldAssignment(labels, k, 3);
    assertArrayEquals(assignment, Splits.stratifiedKFoldAssignment(labels, k, 3));
    List<Split> folds = Splits.stratifiedKFold(labels, k, 3);
    assertEquals(k, folds.size());
    int[] tested = new int[labels.size()];
    int[] totalCounts = labels.counts();
    for (Split fold : folds) {
      assertPartition(labels.size(), fold);
      for (int i : fold.test()) {
        tested[i]++;
      }
      int size = fold.testSize();
      assertTrue(size == 5 || size == 6, "fold size " + size);
      int[] counts = classCounts(labels, fold.test());
      for (int c = 0; c < 3; c++) {
        assertTrue(
            counts[c] == totalCounts[c] / k || counts[c] == totalCounts[c] / k + 1,
            "class " + c + " has " + counts[c] + " of " + totalCounts[c] + " in a fold");
      }
    }
    for (int i = 0; i < tested.length; i++) {
      assertEquals(1, tested[i], "example " + i + " tested " + tested[i] + " times");
    }
  }

  @Test
  void plainFoldsPartitionTheData() {
    int[] assignment = Splits.kFoldAssignment(10, 3, 9);
    int[] sizes = new int[3];
    for (int f : assignment) {
      sizes[f]++;
    }
    assertArrayEquals(new int[] {4, 3, 3}, sizes);
    for (Split split : Splits.folds(assignment, 3)) {
      assertPartition(10, split);
    }
  }

  @Test
  void stratifiedHoldOutKeepsClassSharesInBothParts() {
    ClassLabels labels = labels();
    Split split = Splits.stratifiedHoldOut(labels, 0.25, 2);
    assertPartition(labels.size(), split);
    // round(10 * .25) = 3 (2.5 rounds up), round(7 * .25) = 2, round(4 * .25) = 1.
    assertArrayEquals(new int[] {3, 2, 1}, classCounts(labels, split.test()));
    assertEquals(split, Splits.stratifiedHoldOut(labels, 0.25, 2));
  }

  @Test
  void holdOutOfPlainExamples() {
    Split split = Splits.holdOut(10, 0.3, 4);
    assertEquals(3, split.testSize());
    assertPartition(10, split);
    assertEquals(1, Splits.holdOut(2, 0.01, 4).testSize());
  }

  @Test
  void rejectsBadSplitSettings() {
    assertThrows(ConfigException.class, () -> Splits.holdOut(10, 1.0, 1));
    assertThrows(ConfigException.class, () -> Splits.stratifiedKFoldAssignment(labels(), 1, 1));
    assertThrows(ConfigException.class, () -> Splits.kFoldAssignment(3, 4, 1));
    assertThrows(InvalidInputException.class, () -> Splits.holdOut(1, 0.5, 1));
    assertThrows(
        InvalidInputException.class,
        () -> Splits.stratifiedHoldOut(ClassLabels.of(0, 1, 2), 0.5, 1));
    assertThrows(InvalidInputException.class, () -> new Split(new int[] {1, 2}, new int[] {2}));
  }
}
