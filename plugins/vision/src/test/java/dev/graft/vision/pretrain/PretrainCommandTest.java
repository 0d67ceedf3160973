package dev.graft.vision.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.source.EncodedInputs;
import dev.graft.sdk.store.ModelStores;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.TrainedNetwork;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.read.PixelCsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainCommandTest {

  @TempDir Path temp;

  /** Every 13th row of the shipped glyph digits: 382 rows, all ten classes. */
  private Path glyphSample() throws IOException {
    List<String> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(VisionData.GLYPH_DIGITS.open()), StandardCharsets.UTF_8))) {
      String line;
      int i = 0;
      while ((line = in.readLine()) != null) {
        if (i++ % 13 == 0) {
          rows.add(line);
        }
      }
    }
    Path csv = temp.resolve("glyphs.csv");
    Files.write(csv, rows);
    return csv;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new PretrainCommand(env).execute(List.of(args), new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void pretrainsIntoTheStoreAndTheModelReloadsWithTheSamePredictions() throws IOException {
    Path csv = glyphSample();
    Path store = temp.resolve("store");
    Run r =
        run(
            Map.of(ModelStores.ENV, store.toString()),
            "--data",
            csv.toString(),
            "--option",
            "width=8",
            "--option",
            "height=8",
            "--option",
            "max-value=16",
            "--epochs",
            "2",
            "--seed",
            "5",
            "--name",
            "glyphs-test");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("epoch 2/2"), r.out());
    assertTrue(r.out().contains("store:glyphs-test"), r.out());
    Path model = store.resolve("glyphs-test");
    assertTrue(Files.isRegularFile(model.resolve("graft-model.json")));
    assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
    try (var listing = Files.list(store)) {
      assertEquals(List.of(model), listing.toList(), "no staging folders left");
    }

    ModelManifest manifest = ModelManifest.readFrom(model);
    @SuppressWarnings("unchecked")
    Map<String, Object> input = (Map<String, Object>) manifest.inputSpec();
    assertEquals("image", input.get("kind"));
    assertEquals(8, input.get("height"));
    assertEquals(1, input.get("channels"));
    assertEquals(List.of(-1, 8, 8, 1), input.get("shape"));
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), manifest.labels());
    Map<String, Object> prov = manifest.provenance();
    assertEquals("small-cnn", prov.get("recipe"));
    assertEquals("vision", prov.get("modality"));
    assertEquals(5, ((Number) prov.get("seed")).intValue());
    assertEquals(2, prov.get("epochs"));
    assertTrue(prov.get("dataDigest").toString().startsWith("sha256:"));
    double accuracy = ((Number) prov.get("validationAccuracy")).doubleValue();
    assertTrue(accuracy >= 0 && accuracy <= 1);

    Dataset<Image> data =
        new PixelCsvReader()
            .read(
                csv,
                new ReadOptions(
                    BadInputPolicy.FAIL, 0, Map.of("width", "8", "height", "8", "max-value", "16")))
            .dataset();
    EncodedInputs x = new ImageInputEncoder().encode(data, input, false, 0);
    TrainedNetwork loaded = TrainedNetwork.load(model);
    float[] restored;
    try (GraphModel m =
        GraphModel.builder().setNetwork(loaded.network()).setLoss(loaded.loss()).build()) {
      loaded.restore(m);
      restored = m.logits(x.values(), x.count());
    }
    float[] served;
    try (SavedModelRunner runner = SavedModelRunner.builder(model).open()) {
      Map<String, HostTensor> outputs =
          runner.run(Map.of("input", HostTensor.ofFloats(x.values(), x.count(), 8, 8, 1)));
      served = outputs.values().iterator().next().toFloatArray();
    }
    assertEquals(x.count() * 10, restored.length);
    assertArrayEquals(served, restored, 1e-4f);
    assertFalse(java.util.Arrays.equals(new float[restored.length], restored));
  }

  @Test
  void usageAndDataErrorsGiveTheirExitCodes() throws IOException {
    Path store = temp.resolve("store");
    Run noName = run(Map.of(), "--shipped", "glyph-digits", "--store", store.toString());
    assertEquals(2, noName.code());
    assertTrue(noName.err().contains("--name"), noName.err());
    Run both = run(Map.of(), "--shipped", "glyph-digits", "--data", "x.csv", "--name", "a");
    assertEquals(2, both.code());
    Run badRecipe =
        run(
            Map.of(),
            "--data",
            glyphSample().toString(),
            "--option",
            "max-value=16",
            "--recipe",
            "vgg",
            "--name",
            "a",
            "--store",
            store.toString());
    assertEquals(1, badRecipe.code());
    assertTrue(badRecipe.err().contains("small-cnn"), badRecipe.err());
    Run badShipped = run(Map.of(), "--shipped", "emnist", "--name", "a");
    assertEquals(1, badShipped.code());
    assertTrue(badShipped.err().contains("glyph-alnum"), badShipped.err());
    Run badName =
        run(Map.of(), "--shipped", "uci-digits", "--name", "../up", "--store", store.toString());
    assertEquals(1, badName.code());
    assertTrue(badName.err().contains("--name"), badName.err());
    assertFalse(Files.exists(store));
  }

  @Test
  void defaultStoreFollowsTheEnvironment() {
    assertEquals(
        Path.of("/x/models"), ModelStores.defaultStore(Map.of(ModelStores.ENV, "/x/models")));
    assertEquals(
        Path.of(System.getProperty("user.home"), ".graft", "models"),
        ModelStores.defaultStore(Map.of()));
  }
}
