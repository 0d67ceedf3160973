package dev.graft.vision.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.SavedModelLoader;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelExporter;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.pretrain.PretrainRequest;
import dev.graft.vision.pretrain.Pretrainer;
import dev.graft.vision.recipe.VisionRecipes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vision side of the host's sources: a model made by {@code graft pretrain vision} is found and
 * opened by the {@code model-store} loader, and a foreign SavedModel with a {@code
 * graft-input.json} sidecar by the {@code saved-model} loader, both encoding images through {@link
 * ImageInputEncoder}.
 */
class HostSourcesTest {

  @TempDir Path temp;

  private static final InputEncoders ENCODERS = InputEncoders.of(List.of(new ImageInputEncoder()));

  /** 200 UCI digits (every 9th), enough to check shapes and values. */
  private static Dataset<Image> digits() {
    Dataset<Image> all = VisionData.UCI_DIGITS.load();
    int[] rows = new int[200];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i * 9;
    }
    return all.subset(rows);
  }

  @Test
  void aPretrainedModelOpensAsAModelStoreSourceWithImageFeatures() {
    Path store = temp.resolve("store");
    Dataset<Image> glyphs = VisionData.GLYPH_DIGITS.load();
    int[] rows = new int[300];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i * 13;
    }
    new Pretrainer(DeviceConfig.cpu(), line -> {})
        .run(
            new PretrainRequest(
                glyphs.subset(rows),
                ImageInputSpec.of(8, 8, 1),
                "small-cnn",
                1,
                3,
                "glyphs-tiny",
                store,
                0.1,
                3,
                64,
                1e-3,
                AugmentationSpec.NONE));
    ModelStoreLoader loader = new ModelStoreLoader(store, ENCODERS, DeviceConfig.cpu());
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.VISION, Optional.empty(), Map.of()));
    assertEquals(1, found.size());
    assertEquals("store:glyphs-tiny", found.get(0).id());
    assertEquals("image", found.get(0).properties().get("input.kind"));
    Dataset<Image> target = digits();
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(target);
      assertEquals(200, f.rows());
      assertEquals(128, f.cols());
      assertEquals(10, source.probabilities(target).orElseThrow().classes());
    }
  }

  @Test
  void aForeignSavedModelWithASidecarIsASavedModelSource() throws IOException {
    Path dir = temp.resolve("foreign");
    float[] expected;
    Dataset<Image> target = digits();
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(VisionRecipes.smallCnn(8, 8, 1, 10))
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optSeed(4)
            .build()) {
      SavedModelExporter.of(m.session())
          .signature(m.servingSignature())
          .signature(m.featuresSignature())
          .exportTo(dir);
      EncodedInputs x =
          new ImageInputEncoder()
              .encode(target, Map.of("kind", "image", "shape", List.of(8, 8, 1)), false, 0);
      expected = m.features(x.values(), x.count());
    }
    Files.delete(dir.resolve(ModelManifest.FILE_NAME)); // as exported by another framework
    Files.writeString(
        dir.resolve("graft-input.json"),
        "{\"modality\": \"vision\", \"input\": {\"kind\": \"image\", \"shape\": [8, 8, 1]},"
            + " \"features\": {\"signature\": \"features\", \"output\": \"features\"}}");
    SavedModelLoader loader = new SavedModelLoader(ENCODERS, DeviceConfig.cpu());
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.VISION, Optional.of(dir.toString()), Map.of()));
    assertEquals(1, found.size());
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(target);
      assertEquals(200, f.rows());
      assertEquals(128, f.cols());
      double maxDiff = 0;
      for (int r = 0; r < f.rows(); r++) {
        for (int c = 0; c < f.cols(); c++) {
          maxDiff = Math.max(maxDiff, Math.abs(f.get(r, c) - expected[r * 128 + c]));
        }
      }
      assertTrue(maxDiff < 1e-4, "max difference " + maxDiff);
    }
  }
}
