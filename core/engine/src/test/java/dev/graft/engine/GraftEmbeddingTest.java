package dev.graft.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.InputEncoder;
import dev.graft.engine.serve.ModelPredictor;
import dev.graft.engine.strategy.SourceModels;
import dev.graft.engine.strategy.VectorEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding API: a runtime built in Java loads an exported model and serves it from threads.
 */
class GraftEmbeddingTest {

  @TempDir Path temp;

  private Graft runtime() {
    return Graft.builder()
        .optExtension(InputEncoder.class, new VectorEncoder())
        .optModelStore(temp.resolve("store"))
        .optCacheDir(temp.resolve("cache"))
        .optThreads(2, 1)
        .build();
  }

  @Test
  void eightThreadsGetTheSameAnswersAsSequentialCalls() throws Exception {
    Path model = temp.resolve("model");
    SourceModels.exportCircleSource(model);
    Dataset<float[]> data = SourceModels.sourceTask();
    try (Graft graft = runtime()) {
      ModelPredictor predictor = graft.loadModel(model);
      assertEquals(8, predictor.labels().size());
      double[] sequential =
          predictor.predict(data).probabilities().orElseThrow().values().data().clone();
      int[] classes = predictor.predictClasses(data);
      int correct = 0;
      for (int i = 0; i < classes.length; i++) {
        correct += classes[i] == data.classLabels().get(i) ? 1 : 0;
      }
      assertTrue(
          correct > 0.8 * classes.length,
          "the trained source model serves its own task: " + correct);

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<double[]>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    double[] last = null;
                    for (int r = 0; r < 5; r++) {
                      last = predictor.predict(data).probabilities().orElseThrow().values().data();
                    }
                    return last;
                  }));
        }
        for (Future<double[]> f : futures) {
          assertArrayEquals(sequential, f.get(), 0.0);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void closingTheRuntimeClosesItsModels() {
    Path model = temp.resolve("model");
    SourceModels.exportCircleSource(model);
    Dataset<float[]> data = SourceModels.sourceTask();
    Graft graft = runtime();
    ModelPredictor predictor = graft.loadModel(model);
    predictor.predict(data);
    graft.close();
    assertThrows(RuntimeException.class, () -> predictor.predict(data));
    assertThrows(IllegalStateException.class, () -> graft.loadModel(model));
  }

  @Test
  void aFolderWithoutAModelIsAClearError() {
    try (Graft graft = runtime()) {
      GraftException e = assertThrows(GraftException.class, () -> graft.loadModel(temp));
      assertEquals(GraftErrors.MODEL_INVALID, e.errorId());
      assertTrue(e.getMessage().contains("graft-model.json"), e.getMessage());
    }
  }
}
