package dev.graft.sdk.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.source.EncodedInputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReencodedDatasetTest {

  private final List<String> calls = new ArrayList<>();

  private EncodedInputs encode(boolean augment, long seed) {
    calls.add(augment + ":" + seed);
    return new EncodedInputs(new float[] {1, 2, 3, 4, 5, 6}, 3, new int[] {2});
  }

  @Test
  void withoutAugmentationEncodesOnce() {
    ReencodedDataset d = new ReencodedDataset(new int[] {0, 1, 1}, 2, false, this::encode);
    assertEquals(2, d.exampleSize());
    assertEquals(2, d.targetWidth());
    assertEquals(3, d.size());
    d.batches(2, true, 7);
    d.batches(2, true, 8);
    assertEquals(List.of("false:0"), calls);
  }

  @Test
  void withAugmentationEachPassReencodesWithItsSeed() {
    ReencodedDataset d = new ReencodedDataset(new int[] {0, 1, 1}, 2, true, this::encode);
    d.batches(2, true, 7);
    d.batches(2, false, 8);
    assertEquals(List.of("false:0", "true:7", "true:8"), calls);
  }
}
