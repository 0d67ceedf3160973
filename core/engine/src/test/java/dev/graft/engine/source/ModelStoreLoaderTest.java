package dev.graft.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.strategy.NetworkModel;
import dev.graft.engine.strategy.SourceModels;
import dev.graft.engine.strategy.VectorEncoder;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.TrainedNetwork;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model-store and saved-model loaders on a small Graft model exported in the test. */
class ModelStoreLoaderTest {

  @TempDir static Path store;
  static ProbabilityMatrix expectedProbabilities;
  static final Dataset<float[]> PROBE = SourceModels.sourceTask();

  @BeforeAll
  static void exportModels() throws IOException {
    try (NetworkModel model = SourceModels.trainCircleSource()) {
      expectedProbabilities = model.predict(PROBE).probabilities().orElseThrow();
      model.export(store.resolve("circle"));
    }
    // a copy whose manifest says it is a vision model: filtered out of tabular queries
    Path vision = store.resolve("nested/vision-model");
    copy(store.resolve("circle"), vision);
    ModelManifest m = ModelManifest.readFrom(vision);
    Map<String, Object> provenance = new LinkedHashMap<>(m.provenance());
    provenance.put("modality", "vision");
    new ModelManifest(
            m.formatVersion(),
            m.tags(),
            m.signatures(),
            m.inputSpec(),
            m.labels(),
            provenance,
            m.files())
        .writeTo(vision);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  static ModelStoreLoader loader(List<dev.graft.api.source.InputEncoder> encoders) {
    return new ModelStoreLoader(store, InputEncoders.of(encoders), DeviceConfig.cpu());
  }

  static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
    }
  }

  @Test
  void discoversModelsFilteredByModality() {
    ModelStoreLoader loader = loader(List.of(new VectorEncoder()));
    List<SourceDescriptor> tabular =
        loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of()));
    assertEquals(List.of("store:circle"), tabular.stream().map(SourceDescriptor::id).toList());
    SourceDescriptor d = tabular.get(0);
    assertEquals("model-store", d.loaderId());
    assertEquals(Modality.TABULAR, d.modality());
    assertEquals("vector", d.properties().get("input.kind"));
    assertEquals("circle-mlp", d.properties().get("architecture"));
    assertEquals(64, d.properties().get("digest").length());
    List<SourceDescriptor> vision =
        loader.discover(new SourceQuery(Modality.VISION, Optional.empty(), Map.of()));
    assertEquals(
        List.of("store:nested/vision-model"), vision.stream().map(SourceDescriptor::id).toList());
    List<SourceDescriptor> located =
        loader.discover(
            new SourceQuery(
                Modality.TABULAR, Optional.of(store.resolve("circle").toString()), Map.of()));
    assertEquals(List.of("store:circle"), located.stream().map(SourceDescriptor::id).toList());
  }

  @Test
  void opensAModelWhoseFeaturesAndProbabilitiesMatchTheNetwork() {
    ModelStoreLoader loader = loader(List.of(new VectorEncoder()));
    SourceDescriptor d =
        loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of())).get(0);
    TrainedNetwork trained = TrainedNetwork.load(store.resolve("circle"));
    float[] x = new float[PROBE.size() * 12];
    for (int i = 0; i < PROBE.size(); i++) {
      System.arraycopy(PROBE.example(i), 0, x, i * 12, 12);
    }
    double[] expectedFeatures;
    try (GraphModel net =
        GraphModel.builder().setNetwork(trained.network()).setLoss(trained.loss()).build()) {
      trained.restore(net);
      float[] f = net.features(x, PROBE.size());
      expectedFeatures = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        expectedFeatures[i] = f[i];
      }
    }
    try (Source source = loader.open(d)) {
      assertTrue(source.trainable());
      assertEquals(Optional.of(store.resolve("circle").toAbsolutePath()), source.modelDirectory());
      assertTrue(source.labelledData().isEmpty());
      FeatureMatrix features = source.features(PROBE);
      assertEquals(PROBE.size(), features.rows());
      assertEquals(16, features.cols());
      assertClose(expectedFeatures, features.data(), 1e-5, "features");
      ProbabilityMatrix p = source.probabilities(PROBE).orElseThrow();
      assertClose(expectedProbabilities.values().data(), p.values().data(), 1e-5, "probabilities");
      // the source model learned its task: it is a useful source
      int[] predicted = p.argmax().values();
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == PROBE.classLabels().get(i) ? 1 : 0;
      }
      assertTrue(
          correct > 0.9 * predicted.length, "source accuracy " + correct + "/" + predicted.length);
    }
  }

  @Test
  void missingEncoderIsReportedWithTheKindAndTheInstalledEncoders() {
    ModelStoreLoader loader = loader(List.of());
    SourceDescriptor d =
        loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of())).get(0);
    GraftException e = assertThrows(GraftException.class, () -> loader.open(d));
    assertEquals("GRAFT-EXT-001", e.errorId().code());
    assertTrue(
        e.getMessage().contains("'vector'") && e.getMessage().contains("installed: none"),
        e.getMessage());
  }

  @Test
  void missingLocationIsAnError() {
    GraftException e =
        assertThrows(
            GraftException.class,
            () ->
                loader(List.of())
                    .discover(
                        new SourceQuery(
                            Modality.TABULAR,
                            Optional.of(store.resolve("nope").toString()),
                            Map.of())));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void savedModelLoaderOpensAForeignModelAsAFrozenExtractor(@TempDir Path dir) throws IOException {
    Path foreign = dir.resolve("foreign");
    copy(store.resolve("circle"), foreign);
    Files.delete(foreign.resolve(ModelManifest.FILE_NAME));
    SavedModelLoader loader =
        new SavedModelLoader(InputEncoders.of(List.of(new VectorEncoder())), DeviceConfig.cpu());
    SourceQuery query =
        new SourceQuery(Modality.TABULAR, Optional.of(foreign.toString()), Map.of());
    GraftException noSidecar = assertThrows(GraftException.class, () -> loader.discover(query));
    assertTrue(noSidecar.getMessage().contains("graft-input.json"), noSidecar.getMessage());

    Files.writeString(
        foreign.resolve("graft-input.json"),
        "{\"modality\": \"tabular\", \"input\": {\"kind\": \"vector\", \"shape\": [-1, 12]},"
            + " \"features\": {\"signature\": \"features\", \"output\": \"features\"},"
            + " \"probabilities\": {\"output\": \"logits\", \"softmax\": true}}");
    List<SourceDescriptor> found = loader.discover(query);
    assertEquals(List.of("saved-model:foreign"), found.stream().map(SourceDescriptor::id).toList());
    try (Source source = loader.open(found.get(0));
        Source graft =
            loader(List.of(new VectorEncoder()))
                .open(
                    loader(List.of(new VectorEncoder()))
                        .discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of()))
                        .get(0))) {
      assertFalse(source.trainable());
      assertTrue(source.modelDirectory().isEmpty());
      assertClose(graft.features(PROBE).data(), source.features(PROBE).data(), 1e-6, "features");
      assertClose(
          expectedProbabilities.values().data(),
          source.probabilities(PROBE).orElseThrow().values().data(),
          1e-5,
          "probabilities");
    }

    Files.writeString(
        foreign.resolve("graft-input.json"),
        "{\"input\": {\"kind\": \"vector\", \"shape\": [-1, 12]}, \"features\": {\"output\":"
            + " \"nope\"}}");
    SourceDescriptor d = loader.discover(query).get(0);
    GraftException badOutput = assertThrows(GraftException.class, () -> loader.open(d));
    assertEquals("GRAFT-MODEL-003", badOutput.errorId().code());
    assertTrue(badOutput.getMessage().contains("'nope'"), badOutput.getMessage());
  }
}
