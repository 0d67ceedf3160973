package dev.graft.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.evaluate.Metric;
import dev.graft.engine.evaluate.protocol.RunResults;
import dev.graft.engine.run.GuardVerdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeTransferGuardTest {

  static RunResults accuracies(double... values) {
    long[] seeds = new long[values.length];
    List<List<Metric>> runs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      seeds[i] = i;
      runs.add(List.of(Metric.of("accuracy", values[i], true)));
    }
    return RunResults.of(seeds, runs);
  }

  @Test
  void consistentGainBeatsScratch() {
    var j =
        NegativeTransferGuard.judge(
            accuracies(0.80, 0.82, 0.79, 0.81, 0.83),
            accuracies(0.70, 0.71, 0.69, 0.72, 0.70),
            "accuracy");
    assertEquals(GuardVerdict.BEATS_SCRATCH, j.verdict());
    assertEquals(0.106, j.difference().meanDifference(), 1e-9);
  }

  @Test
  void gainWithinNoiseIsNotAWin() {
    var j =
        NegativeTransferGuard.judge(
            accuracies(0.80, 0.70, 0.85, 0.66, 0.79),
            accuracies(0.75, 0.78, 0.74, 0.76, 0.73),
            "accuracy");
    assertEquals(GuardVerdict.WITHIN_NOISE, j.verdict());
  }

  @Test
  void consistentLossIsNegativeTransfer() {
    var j =
        NegativeTransferGuard.judge(
            accuracies(0.82, 0.83, 0.81, 0.84, 0.82),
            accuracies(0.85, 0.86, 0.85, 0.87, 0.85),
            "accuracy");
    assertEquals(GuardVerdict.NEGATIVE_TRANSFER, j.verdict());
  }

  @Test
  void aSingleRunCannotBeatScratch() {
    var j = NegativeTransferGuard.judge(accuracies(0.99), accuracies(0.5), "accuracy");
    assertEquals(GuardVerdict.WITHIN_NOISE, j.verdict());
  }
}
