package dev.graft.sdk.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.train.ArrayDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierPretrainerTest {

  /** Three Gaussian blobs in 4-D, well separated. */
  private static ArrayDataset blobs(int perClass, long seed) {
    Random r = new Random(seed);
    int n = perClass * 3;
    float[] x = new float[n * 4];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int d = 0; d < 4; d++) {
        x[i * 4 + d] = (float) ((d == y[i] ? 3.0 : 0.0) + 0.5 * r.nextGaussian());
      }
    }
    return ArrayDataset.ofClasses(x, 4, y, 3);
  }

  private static NetworkSpec mlp() {
    return NetworkSpec.builder()
        .optName("blob-mlp")
        .setInputShape(4)
        .dense("embed", 8, Activation.RELU)
        .dense("classifier", 3, Activation.LINEAR)
        .optFeaturesLayer("embed")
        .build();
  }

  @Test
  void trainsStoresAndRecordsProvenance(@TempDir Path store) {
    List<String> progress = new ArrayList<>();
    Path target = store.resolve("blobs");
    ClassifierPretrainer.Outcome outcome =
        new ClassifierPretrainer(DeviceConfig.cpu(), progress::add)
            .run(
                new ClassifierPretrainer.Request(
                    mlp(),
                    List.of("a", "b", "c"),
                    blobs(60, 1),
                    blobs(20, 2),
                    Map.of("kind", "vector", "size", 4),
                    Map.of("producer", "test"),
                    30,
                    16,
                    0.01,
                    3,
                    7L,
                    target));
    assertTrue(outcome.validationAccuracy() > 0.9, "accuracy " + outcome.validationAccuracy());
    assertEquals(outcome.epochsRun(), progress.size());
    assertTrue(progress.get(0).startsWith("epoch 1/30: loss "), progress.get(0));
    assertTrue(Files.isDirectory(target));
    ModelManifest manifest = ModelManifest.readFrom(target);
    assertEquals(List.of("a", "b", "c"), manifest.labels());
    assertEquals("test", manifest.provenance().get("producer"));
    assertEquals("blob-mlp", manifest.provenance().get("networkName"));
    assertEquals(180, ((Number) manifest.provenance().get("trainExamples")).intValue());
    assertEquals("vector", ((Map<?, ?>) manifest.inputSpec()).get("kind"));
  }

  @Test
  void rejectsTargetsOfTheWrongWidth(@TempDir Path store) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                new ClassifierPretrainer.Request(
                    mlp(),
                    List.of("a", "b"),
                    blobs(5, 1),
                    null,
                    Map.of("kind", "vector"),
                    Map.of(),
                    1,
                    8,
                    0.01,
                    1,
                    1L,
                    store.resolve("m")));
    assertTrue(e.getMessage().contains("train"), e.getMessage());
  }

  @Test
  void stratifiedSplitKeepsClassProportionsAndIsSeeded() {
    int[] y = new int[100];
    for (int i = 0; i < y.length; i++) {
      y[i] = i < 80 ? 0 : 1;
    }
    ClassLabels labels = ClassLabels.of(y, 2);
    StratifiedSplit a = StratifiedSplit.of(labels, 0.25, 3);
    StratifiedSplit b = StratifiedSplit.of(labels, 0.25, 3);
    assertTrue(Arrays.equals(a.validation(), b.validation()));
    assertEquals(25, a.validation().length);
    assertEquals(75, a.train().length);
    long minority = Arrays.stream(a.validation()).filter(i -> y[i] == 1).count();
    assertEquals(5, minority);
    assertTrue(
        Arrays.stream(a.train())
            .noneMatch(i -> Arrays.stream(a.validation()).anyMatch(v -> v == i)));
  }
}
