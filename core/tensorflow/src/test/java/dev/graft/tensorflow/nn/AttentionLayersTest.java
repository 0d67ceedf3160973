package dev.graft.tensorflow.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sequence layers {@code position_embedding} and {@code self_attention}: JSON form, the padding
 * mask, and a gradient path that learns a task only attention over positions can solve.
 */
class AttentionLayersTest {

  private static NetworkSpec encoder(int length, boolean mask, boolean positions) {
    List<LayerSpec> layers = new java.util.ArrayList<>();
    layers.add(new LayerSpec.Embedding("tokens", null, 12, 8));
    String last = "tokens";
    if (positions) {
      layers.add(new LayerSpec.PositionEmbedding("positions", null));
      last = "positions";
    }
    layers.add(
        new LayerSpec.SelfAttention(
            "attention", mask ? List.of(last, LayerSpec.NETWORK_INPUT) : List.of(last), 2, null));
    layers.add(new LayerSpec.Add("residual", List.of(last, "attention")));
    layers.add(new LayerSpec.LayerNorm("norm", null, null));
    layers.add(new LayerSpec.GlobalAvgPool("pool", null));
    layers.add(new LayerSpec.Dense("head", null, 2, Activation.LINEAR, true));
    return new NetworkSpec("attention-test", InputSpec.of(length), layers, "attention");
  }

  @Test
  void specsRoundTripThroughJsonAndValidate() {
    NetworkSpec spec = encoder(6, true, true);
    String json = spec.toJson();
    assertTrue(json.contains("\"type\" : \"self_attention\""), json);
    assertTrue(json.contains("\"type\" : \"position_embedding\""), json);
    assertEquals(spec, NetworkSpec.fromJson(json));
    assertThrows(ConfigException.class, () -> new LayerSpec.SelfAttention("a", List.of(), 0, null));
    assertThrows(
        ConfigException.class,
        () -> new LayerSpec.SelfAttention("a", List.of("x", "y", "z"), 2, null));
    ConfigException odd =
        assertThrows(
            ConfigException.class,
            () ->
                GraphModel.builder()
                    .setNetwork(
                        new NetworkSpec(
                            "odd",
                            InputSpec.of(4),
                            List.of(
                                new LayerSpec.Embedding("tokens", null, 5, 6),
                                new LayerSpec.SelfAttention("attention", null, 4, null),
                                new LayerSpec.GlobalAvgPool("pool", null),
                                new LayerSpec.Dense("head", null, 2, Activation.LINEAR, true)),
                            "pool"))
                    .setLoss(LossSpec.softmaxCrossEntropy())
                    .build());
    assertTrue(odd.getMessage().contains("not divisible by 4 heads"), odd.getMessage());
  }

  /**
   * With the mask, outputs at real positions do not depend on how much padding follows: the same
   * weights (initial values depend on the parameter name and shape, not the length) give the same
   * attention outputs for {@code [3, 4, 5, 0, 0]} and {@code [3, 4, 5, 0, 0, 0, 0, 0]}; without the
   * mask they differ.
   */
  @Test
  void paddedKeysReceiveNoAttention() {
    float[][] masked = attentionAtRealPositions(true);
    for (int i = 0; i < masked[0].length; i++) {
      assertEquals(masked[0][i], masked[1][i], 1e-5f, "value " + i);
    }
    float[][] open = attentionAtRealPositions(false);
    double diff = 0;
    for (int i = 0; i < open[0].length; i++) {
      diff = Math.max(diff, Math.abs(open[0][i] - open[1][i]));
    }
    assertTrue(diff > 1e-3, "without a mask padding changes the outputs, max diff " + diff);
  }

  private static float[][] attentionAtRealPositions(boolean mask) {
    float[][] out = new float[2][];
    int[] lengths = {5, 8};
    for (int v = 0; v < 2; v++) {
      float[] ids = new float[lengths[v]];
      ids[0] = 3;
      ids[1] = 4;
      ids[2] = 5;
      try (GraphModel m =
          GraphModel.builder()
              .setNetwork(encoder(lengths[v], mask, false))
              .setLoss(LossSpec.softmaxCrossEntropy())
              .optSeed(9)
              .build()) {
        float[] f = m.features(ids, 1);
        out[v] = java.util.Arrays.copyOf(f, 3 * 8);
      }
    }
    return out;
  }

  /**
   * Tokens 1 and 2 occur once each among filler tokens; the label says whether 1 comes before 2.
   * Any bag of tokens sees the same multiset for both labels, so only position-aware attention can
   * learn it.
   */
  @Test
  void learnsAnOrderTaskThroughAttentionGradients() {
    int length = 6;
    int n = 512;
    Random rnd = new Random(4);
    float[] x = new float[n * length];
    float[] y = new float[n * 2];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < length; t++) {
        x[i * length + t] = 3 + rnd.nextInt(9);
      }
      int a = rnd.nextInt(length);
      int b = rnd.nextInt(length - 1);
      b = b >= a ? b + 1 : b;
      x[i * length + a] = 1;
      x[i * length + b] = 2;
      y[i * 2 + (a < b ? 1 : 0)] = 1;
    }
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(encoder(length, true, true))
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(0.01))
            .optSeed(2)
            .build()) {
      float first = m.loss(x, y, null, n);
      for (int epoch = 0; epoch < 60; epoch++) {
        for (int s = 0; s < n; s += 64) {
          m.trainStep(
              java.util.Arrays.copyOfRange(x, s * length, (s + 64) * length),
              java.util.Arrays.copyOfRange(y, s * 2, (s + 64) * 2),
              null,
              64);
        }
      }
      float[] logits = m.logits(x, n);
      int correct = 0;
      for (int i = 0; i < n; i++) {
        int predicted = logits[i * 2 + 1] > logits[i * 2] ? 1 : 0;
        correct += y[i * 2 + predicted] == 1 ? 1 : 0;
      }
      double accuracy = correct / (double) n;
      assertTrue(m.loss(x, y, null, n) < first, "the loss falls");
      assertTrue(accuracy > 0.85, "order accuracy " + accuracy);
    }
  }
}
