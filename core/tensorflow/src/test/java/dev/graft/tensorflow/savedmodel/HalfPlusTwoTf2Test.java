package dev.graft.tensorflow.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.tensorflow.io.HostTensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TensorFlow 2 export (tf.saved_model.save: resource variables, an object graph, a
 * __saved_model_init_op) that Graft did not create loads, is inspected and serves through DJL.
 */
class HalfPlusTwoTf2Test {

  @TempDir Path dir;

  @Test
  void inspectsAndServesATf2Export() throws Exception {
    Path model = Fixtures.halfPlusTwoTf2(dir);
    SavedModelInfo info = SavedModelInspector.inspect(model);
    String text = info.toString();
    MetaGraphInfo graph = info.metaGraphs().get(0);
    assertTrue(graph.signatures().containsKey("serving_default"), text);
    SignatureInfo serving = graph.signatures().get("serving_default");
    assertEquals("x", serving.inputs().get(0).key());
    assertEquals("DT_FLOAT", serving.inputs().get(0).dtype());
    assertEquals("y", serving.outputs().get(0).key());

    try (SavedModelRunner runner =
        SavedModelRunner.builder(model).signature("serving_default").open()) {
      for (float x : new float[] {-4f, 0f, 3f}) {
        float[] y =
            runner
                .run(Map.of("x", HostTensor.ofFloats(new float[] {x}, 1)))
                .get("y")
                .toFloatArray();
        assertArrayEquals(new float[] {x / 2f + 2f}, y, 1e-6f);
      }
    }
  }
}
