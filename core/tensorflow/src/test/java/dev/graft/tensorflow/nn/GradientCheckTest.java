package dev.graft.tensorflow.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares every layer's graph gradient with a central finite-difference estimate of the training
 * loss. Parameter-free layers sit between a parametrised layer and the head, so the gradient of the
 * earlier layer flows through them.
 */
class GradientCheckTest {

  private static final double EPS = 5e-3;

  static NetworkSpec.Builder img() {
    return NetworkSpec.builder().setInputShape(6, 6, 2);
  }

  static LayerSpec conv(String name, int filters, Activation a) {
    return new LayerSpec.Conv2d(name, null, filters, List.of(3, 3), null, Padding.SAME, a, true);
  }

  static Stream<Arguments> cases() {
    LossSpec ce = LossSpec.softmaxCrossEntropy();
    List<Arguments> c = new ArrayList<>();
    c.add(
        Arguments.of(
            "dense tanh",
            NetworkSpec.builder()
                .setInputShape(4)
                .dense("d1", 5, Activation.TANH)
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    for (Activation a :
        List.of(Activation.RELU, Activation.GELU, Activation.SIGMOID, Activation.SOFTMAX)) {
      c.add(
          Arguments.of(
              "dense " + a,
              NetworkSpec.builder()
                  .setInputShape(4)
                  .dense("d1", 5, a)
                  .dense("out", 3, Activation.LINEAR)
                  .build(),
              ce));
    }
    c.add(
        Arguments.of(
            "conv2d same",
            img()
                .add(conv("c1", 3, Activation.TANH))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "conv2d valid stride 2",
            img()
                .add(
                    new LayerSpec.Conv2d(
                        "c1",
                        null,
                        3,
                        List.of(3, 3),
                        List.of(2, 2),
                        Padding.VALID,
                        Activation.TANH,
                        true))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "conv1d",
            NetworkSpec.builder()
                .setInputShape(7, 2)
                .add(new LayerSpec.Conv1d("c1", null, 3, 3, 1, Padding.SAME, Activation.TANH, true))
                .add(new LayerSpec.GlobalAvgPool("gap", null))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "depthwise conv2d",
            img()
                .add(
                    new LayerSpec.DepthwiseConv2d(
                        "dw", null, List.of(3, 3), null, 2, Padding.SAME, Activation.TANH, true))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "separable conv2d",
            img()
                .add(
                    new LayerSpec.SeparableConv2d(
                        "sep",
                        null,
                        4,
                        List.of(3, 3),
                        null,
                        1,
                        Padding.SAME,
                        Activation.TANH,
                        true))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "max pool",
            img()
                .add(conv("c1", 3, Activation.TANH))
                .maxPool("p", 2)
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "avg pool",
            img()
                .add(conv("c1", 3, Activation.TANH))
                .add(new LayerSpec.AvgPool2d("p", null, null, null, null))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "global max pool",
            img()
                .add(conv("c1", 3, Activation.TANH))
                .add(new LayerSpec.GlobalMaxPool("p", null))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "reshape",
            NetworkSpec.builder()
                .setInputShape(6)
                .dense("d1", 8, Activation.TANH)
                .add(new LayerSpec.Reshape("r", null, List.of(2, 4)))
                .add(new LayerSpec.GlobalAvgPool("g", null))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "dropout",
            NetworkSpec.builder()
                .setInputShape(4)
                .dense("d1", 8, Activation.TANH)
                .dropout("drop", 0.3)
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "batch norm (conv)",
            img()
                .add(
                    new LayerSpec.Conv2d(
                        "c1", null, 3, List.of(3, 3), null, Padding.SAME, Activation.LINEAR, false))
                .add(new LayerSpec.BatchNorm("bn", null, null, null))
                .add(new LayerSpec.ActivationLayer("act", null, Activation.TANH))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "batch norm (dense)",
            NetworkSpec.builder()
                .setInputShape(4)
                .add(new LayerSpec.Dense("d1", null, 5, Activation.LINEAR, false))
                .add(new LayerSpec.BatchNorm("bn", null, 0.9, 1e-3))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "layer norm",
            NetworkSpec.builder()
                .setInputShape(4)
                .dense("d1", 5, Activation.LINEAR)
                .add(new LayerSpec.LayerNorm("ln", null, null))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "embedding",
            NetworkSpec.builder()
                .setInputShape(3)
                .add(new LayerSpec.Embedding("emb", null, 5, 4))
                .flatten("f")
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "residual add",
            NetworkSpec.builder()
                .setInputShape(4)
                .dense("d1", 5, Activation.TANH)
                .dense("d2", 5, Activation.TANH)
                .add(new LayerSpec.Add("sum", List.of("d1", "d2")))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    c.add(
        Arguments.of(
            "concat",
            NetworkSpec.builder()
                .setInputShape(4)
                .dense("d1", 5, Activation.TANH)
                .dense("d2", 4, Activation.TANH)
                .add(new LayerSpec.Concat("cat", List.of("d1", "d2"), null))
                .dense("out", 3, Activation.LINEAR)
                .build(),
            ce));
    NetworkSpec small =
        NetworkSpec.builder()
            .setInputShape(4)
            .dense("d1", 5, Activation.TANH)
            .dense("out", 3, Activation.LINEAR)
            .build();
    c.add(Arguments.of("softmax CE + label smoothing", small, ce.withLabelSmoothing(0.1)));
    c.add(
        Arguments.of(
            "sigmoid CE + label smoothing",
            small,
            LossSpec.sigmoidCrossEntropy().withLabelSmoothing(0.2)));
    c.add(Arguments.of("mse", small, LossSpec.mse()));
    c.add(Arguments.of("mae", small, LossSpec.mae()));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void graphGradientMatchesFiniteDifferences(String label, NetworkSpec spec, LossSpec loss) {
    check(spec, loss, OptimizerSpec.adam(1e-3), true);
  }

  @ParameterizedTest(name = "l2 + weights {0}")
  @MethodSource("regularised")
  void regularisedLossGradient(String label, OptimizerSpec opt) {
    NetworkSpec spec =
        NetworkSpec.builder()
            .setInputShape(4)
            .dense("d1", 5, Activation.TANH)
            .dense("out", 3, Activation.LINEAR)
            .build();
    check(spec, LossSpec.softmaxCrossEntropy(), opt, true);
  }

  static Stream<Arguments> regularised() {
    return Stream.of(
        Arguments.of("l2", OptimizerSpec.adam(1e-3).withL2(0.05)),
        Arguments.of("l2 sgd", OptimizerSpec.sgd(0.1, 0.9).withL2(0.01)));
  }

  static void check(NetworkSpec spec, LossSpec loss, OptimizerSpec opt, boolean weighted) {
    Random r = new Random(11);
    int n = 6;
    try (GraphModel m =
        GraphModel.builder().setNetwork(spec).setLoss(loss).optOptimizer(opt).optSeed(3).build()) {
      int in = m.inputSize();
      int k = m.outputWidth();
      float[] x = new float[n * in];
      boolean ids = spec.layers().get(0) instanceof LayerSpec.Embedding;
      for (int i = 0; i < x.length; i++) {
        x[i] = ids ? r.nextInt(5) : (float) r.nextGaussian();
      }
      float[] y = new float[n * k];
      for (int i = 0; i < n; i++) {
        if (loss.kind() == LossSpec.Kind.SOFTMAX_CROSS_ENTROPY) {
          y[i * k + r.nextInt(k)] = 1;
        } else {
          for (int j = 0; j < k; j++) {
            y[i * k + j] =
                loss.kind() == LossSpec.Kind.SIGMOID_CROSS_ENTROPY
                    ? r.nextInt(2)
                    : (float) r.nextGaussian();
          }
        }
      }
      float[] w = null;
      if (weighted) {
        w = new float[n];
        for (int i = 0; i < n; i++) {
          w[i] = 0.5f + r.nextFloat();
        }
      }
      Map<String, float[]> grads = m.gradients(x, y, w, n);
      Map<String, float[]> state = m.readState();
      assertFalse(grads.isEmpty());
      for (Map.Entry<String, float[]> e : grads.entrySet()) {
        float[] g = e.getValue();
        float[] orig = state.get(e.getKey()).clone();
        double maxAbs = 0;
        for (float v : g) {
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        int checks = Math.min(6, g.length);
        for (int c = 0; c < checks; c++) {
          int idx = c == 0 ? argMaxAbs(g) : r.nextInt(g.length);
          float[] p = orig.clone();
          p[idx] = (float) (orig[idx] + EPS);
          m.writeState(Map.of(e.getKey(), p));
          double plus = m.loss(x, y, w, n);
          p[idx] = (float) (orig[idx] - EPS);
          m.writeState(Map.of(e.getKey(), p));
          double minus = m.loss(x, y, w, n);
          m.writeState(Map.of(e.getKey(), orig));
          double fd = (plus - minus) / (2 * EPS);
          double tol = 2e-3 + 3e-2 * Math.max(Math.abs(fd), Math.abs(g[idx]));
          assertTrue(
              Math.abs(fd - g[idx]) <= tol,
              e.getKey()
                  + "["
                  + idx
                  + "]: graph "
                  + g[idx]
                  + " vs finite difference "
                  + fd
                  + " (max |g| "
                  + maxAbs
                  + ")");
        }
        assertTrue(maxAbs > 1e-6, "gradient of " + e.getKey() + " is all zeros");
      }
    }
  }

  private static int argMaxAbs(float[] g) {
    int best = 0;
    for (int i = 1; i < g.length; i++) {
      if (Math.abs(g[i]) > Math.abs(g[best])) {
        best = i;
      }
    }
    return best;
  }
}
