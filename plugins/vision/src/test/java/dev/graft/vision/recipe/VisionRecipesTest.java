package dev.graft.vision.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisionRecipesTest {

  private static GraphModel model(NetworkSpec spec) {
    return GraphModel.builder()
        .setNetwork(spec)
        .setLoss(LossSpec.softmaxCrossEntropy())
        .optOptimizer(OptimizerSpec.adam(1e-2))
        .optSeed(3)
        .optThreads(1, 1)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"small-cnn", "resnet-tiny", "mobilenet-tiny"})
  void eachRecipeBuildsForMnistSizesAndLearnsATinyUciSizedProblem(String recipe) {
    NetworkSpec rgb = VisionRecipes.build(recipe, 28, 28, 3, 5);
    assertEquals(28 * 28 * 3, rgb.input().exampleSize());
    for (int size : new int[] {8}) {
      NetworkSpec spec = VisionRecipes.build(recipe, size, size, 1, 3);
      assertEquals(recipe, spec.name());
      assertEquals("embedding", spec.featuresLayer());
      assertEquals(VisionRecipes.HEAD, spec.outputLayer().name());
      assertEquals(NetworkSpec.fromJson(spec.toJson()), spec);
      try (GraphModel m = model(spec)) {
        assertEquals(3, m.outputWidth());
        int n = 12;
        float[] x = new float[n * size * size];
        float[] y = new float[n * 3];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
          int label = i % 3;
          y[i * 3 + label] = 1;
          for (int p = 0; p < size * size; p++) {
            // class c lights up the c-th third of the rows
            int row = p / size;
            x[i * size * size + p] =
                (row * 3 / size == label ? 0.8f : 0.1f) + (float) rnd.nextDouble() * 0.1f;
          }
        }
        float first = m.trainStep(x, y, null, n);
        float last = first;
        for (int step = 0; step < 15; step++) {
          last = m.trainStep(x, y, null, n);
        }
        assertTrue(Float.isFinite(last));
        assertTrue(last < first, recipe + " " + size + ": loss " + first + " -> " + last);
        assertEquals(n * m.featureWidth(), m.features(x, n).length);
      }
    }
  }

  @Test
  void smallCnnPoolsOnlyWhileTheMapStaysAtLeastFourWide() {
    assertEquals(1, pools(VisionRecipes.smallCnn(8, 8, 1, 10)));
    assertEquals(2, pools(VisionRecipes.smallCnn(28, 28, 1, 10)));
    assertEquals(0, pools(VisionRecipes.smallCnn(6, 6, 3, 10)));
    try (GraphModel m = model(VisionRecipes.smallCnn(8, 8, 1, 10))) {
      assertEquals(128, m.featureWidth());
    }
  }

  @Test
  void residualAndDepthwiseRecipesUseTheirBuildingBlocks() {
    NetworkSpec resnet = VisionRecipes.resnetTiny(8, 8, 1, 10);
    assertTrue(resnet.layers().stream().anyMatch(l -> l instanceof LayerSpec.BatchNorm));
    assertEquals(3, resnet.layers().stream().filter(l -> l instanceof LayerSpec.Add).count());
    NetworkSpec mobile = VisionRecipes.mobilenetTiny(28, 28, 3, 10);
    assertEquals(
        4, mobile.layers().stream().filter(l -> l instanceof LayerSpec.DepthwiseConv2d).count());
    assertFalse(mobile.layers().stream().anyMatch(l -> l instanceof LayerSpec.Add));
    for (NetworkSpec spec : List.of(resnet, mobile)) {
      for (LayerSpec l : spec.layers()) {
        if (l instanceof LayerSpec.BatchNorm bn) {
          assertEquals(0.9, bn.momentum(), 1e-12, "few-step training needs fast statistics");
        }
      }
    }
  }

  @Test
  void unknownRecipesAndBadSizesAreNamed() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> VisionRecipes.build("vgg", 8, 8, 1, 10));
    assertTrue(e.getMessage().contains("'vgg'") && e.getMessage().contains("small-cnn"));
    assertThrows(ConfigException.class, () -> VisionRecipes.build("small-cnn", 8, 8, 1, 1));
  }

  private static long pools(NetworkSpec spec) {
    return spec.layers().stream().filter(l -> l instanceof LayerSpec.MaxPool2d).count();
  }
}
