package dev.graft.speech.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeechRecipesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"kws-cnn, 128", "kws-ds-cnn, 64"})
  void everyRecipeTrainsAndHasANonZeroGradientInEveryLayer(String recipe, int embedding) {
    NetworkSpec spec = SpeechRecipes.build(recipe, 49, 40, 3);
    assertEquals(recipe, spec.name());
    int n = 6;
    SplittableRandom r = new SplittableRandom(1);
    float[] x = new float[n * 49 * 40];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] y = new float[n * 3];
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      y[i * 3 + i % 3] = 1f;
      w[i] = 1f;
    }
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(spec)
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(1e-3))
            .optSeed(3)
            .build()) {
      assertEquals(embedding, m.featureWidth());
      assertEquals(3, m.outputWidth());
      Map<String, float[]> grads = m.gradients(x, y, w, n);
      assertTrue(grads.size() >= 4, grads.keySet().toString());
      grads.forEach(
          (name, g) -> {
            double norm = 0;
            for (float v : g) {
              assertTrue(Float.isFinite(v), name);
              norm += v * v;
            }
            assertTrue(norm > 0, "no gradient reaches " + name);
          });
      float first = m.loss(x, y, w, n);
      for (int s = 0; s < 30; s++) {
        m.trainStep(x, y, w, n);
      }
      assertTrue(m.loss(x, y, w, n) < first, "30 steps on 6 examples lower the loss");
    }
  }

  @Test
  void poolsAdaptToSmallInputsAndBadArgumentsAreConfigErrors() {
    // 12x13: one pool (12 -> 6), the second would go below 4
    NetworkSpec small = SpeechRecipes.kwsCnn(12, 13, 2);
    assertEquals(1, small.layers().stream().filter(l -> l.name().startsWith("pool")).count());
    ConfigException e =
        assertThrows(ConfigException.class, () -> SpeechRecipes.build("wav2vec", 49, 40, 2));
    assertTrue(e.getMessage().contains("use one of kws-cnn, kws-ds-cnn"), e.getMessage());
    assertThrows(ConfigException.class, () -> SpeechRecipes.build("kws-cnn", 3, 40, 2));
    assertThrows(ConfigException.class, () -> SpeechRecipes.build("kws-cnn", 49, 40, 1));
  }
}
