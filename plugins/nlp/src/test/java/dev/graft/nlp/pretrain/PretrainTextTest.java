package dev.graft.nlp.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.source.SavedModelLoader;
import dev.graft.nlp.Text;
import dev.graft.nlp.data.NlpData;
import dev.graft.nlp.embed.SkipGram;
import dev.graft.nlp.embed.WordVectors;
import dev.graft.nlp.encode.TextInputEncoder;
import dev.graft.nlp.encode.TextInputSpec;
import dev.graft.nlp.recipe.TextRecipes;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.TrainedNetwork;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft pretrain text} end to end: the command trains on the shipped fortunes and stores a
 * model that the host's {@code model-store} loader finds and opens with the text encoder; word
 * vectors initialise (and, frozen, stay in) the embedding; a foreign text SavedModel with a sidecar
 * opens through the {@code saved-model} loader.
 */
class PretrainTextTest {

  @TempDir Path temp;

  private static final InputEncoders ENCODERS = InputEncoders.of(List.of(new TextInputEncoder()));

  private static int run(PluginCommandRunner r, String... args) {
    return r.run(args);
  }

  private record PluginCommandRunner(StringWriter out, StringWriter err) {
    int run(String... args) {
      return new PretrainTextCommand(Map.of())
          .execute(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
    }
  }

  @Test
  void theCommandStoresATextCnnThatTheModelStoreLoaderOpens() {
    Path store = temp.resolve("store");
    PluginCommandRunner r = new PluginCommandRunner(new StringWriter(), new StringWriter());
    int code =
        run(
            r,
            "--shipped",
            "--option",
            "categories=startrek,food,sports",
            "--epochs",
            "4",
            "--max-length",
            "32",
            "--seed",
            "3",
            "--store",
            store.toString(),
            "--name",
            "tiny");
    assertEquals(0, code, r.err().toString() + r.out());
    String out = r.out().toString();
    assertTrue(out.contains("pretraining text-cnn on"), out);
    assertTrue(out.contains("classes: startrek, food, sports"), out);
    TrainedNetwork net = TrainedNetwork.load(store.resolve("tiny"));
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) net.manifest().inputSpec();
    assertEquals("text", spec.get("kind"));
    assertEquals(32, ((Number) spec.get("maxLength")).intValue());
    assertEquals(List.of("startrek", "food", "sports"), net.labels());
    double accuracy =
        ((Number) net.manifest().provenance().get("validationAccuracy")).doubleValue();
    assertTrue(accuracy > 0.5, "3 classes, validation accuracy " + accuracy);

    ModelStoreLoader loader = new ModelStoreLoader(store, ENCODERS, DeviceConfig.cpu());
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.TEXT, Optional.empty(), Map.of()));
    assertEquals(1, found.size());
    assertEquals("store:tiny", found.get(0).id());
    assertEquals("text", found.get(0).properties().get("input.kind"));
    Dataset<Text> target = NlpData.fortunes(List.of("love", "law"));
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(target);
      assertEquals(target.size(), f.rows());
      assertEquals(3 * TextRecipes.DEFAULT_FILTERS, f.cols());
      assertEquals(3, source.probabilities(target).orElseThrow().classes());
    }
  }

  @Test
  void usageAndDataErrorsHaveExitCodes() {
    PluginCommandRunner r = new PluginCommandRunner(new StringWriter(), new StringWriter());
    assertEquals(2, run(r, "--shipped"), "--name is required");
    PluginCommandRunner bad = new PluginCommandRunner(new StringWriter(), new StringWriter());
    assertEquals(
        1,
        run(
            bad,
            "--shipped",
            "--option",
            "categories=food,sprots",
            "--name",
            "x",
            "--store",
            temp.toString()));
    assertTrue(bad.err().toString().contains("did you mean 'sports'"), bad.err().toString());
    PluginCommandRunner frozen = new PluginCommandRunner(new StringWriter(), new StringWriter());
    assertEquals(
        1,
        run(
            frozen,
            "--shipped",
            "--option",
            "categories=food,sports",
            "--freeze-embedding",
            "--name",
            "x",
            "--store",
            temp.toString()));
    assertTrue(frozen.err().toString().contains("--vectors"), frozen.err().toString());
  }

  @Test
  void wordVectorsInitialiseAFrozenEmbedding() {
    Dataset<Text> unlabelled = NlpData.fortunes(NlpData.SOURCE_CATEGORIES);
    List<String> texts = new ArrayList<>();
    unlabelled.examples().forEach(t -> texts.add(t.value()));
    WordVectors vectors =
        new SkipGram(new SkipGram.Config(16, 3, 3, 1, 0.025, 1e-4, 3, 3000, 5), l -> {})
            .train(texts, WordTokenizer.defaults());
    Path store = temp.resolve("store");
    TextPretrainRequest request =
        new TextPretrainRequest(
                NlpData.fortunes(List.of("food", "sports")),
                "embedding-bag",
                WordTokenizer.defaults(),
                24,
                2000,
                1,
                8,
                null,
                false,
                3,
                1,
                "bag",
                store,
                0.2,
                3,
                32,
                0.01)
            .withVectors(vectors, true);
    TextPretrainResult result = new TextPretrainer(DeviceConfig.cpu(), l -> {}).run(request);
    assertEquals(2000, result.vocabularySize());
    TrainedNetwork net = TrainedNetwork.load(store.resolve("bag"));
    Vocabulary vocab =
        Vocabulary.of(castList(((Map<?, ?>) net.manifest().inputSpec()).get("vocabulary")));
    float[] expected = vectors.embeddingTable(vocab, 1);
    try (GraphModel m =
        GraphModel.builder().setNetwork(net.network()).setLoss(net.loss()).build()) {
      net.restore(m);
      float[] stored = m.readWeights().get(TextRecipes.EMBEDDING + "/embeddings");
      assertArrayEquals(expected, stored, 0f, "a frozen embedding keeps the word vectors");
    }
    assertEquals(true, net.manifest().provenance().get("frozenEmbedding"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object o) {
    return (List<String>) o;
  }

  @Test
  void aForeignTextSavedModelWithASidecarIsASavedModelSource() throws IOException {
    Path dir = temp.resolve("foreign");
    Vocabulary vocab = Vocabulary.of(List.of("[PAD]", "[UNK]", "star", "trek", "food", "good"));
    Dataset<Text> target = NlpData.fortunes(List.of("startrek", "food"));
    float[] expected;
    try (GraphModel m =
        GraphModel.builder()
            .setNetwork(TextRecipes.textCnn(16, vocab.size(), 8, 4, 2))
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optSeed(4)
            .build()) {
      SavedModelExporter.of(m.session())
          .signature(m.servingSignature())
          .signature(m.featuresSignature())
          .exportTo(dir);
      TextInputSpec spec = TextInputSpec.word(WordTokenizer.defaults(), vocab, 16);
      var x = new TextInputEncoder().encode(target, spec.toMap(), false, 0);
      expected = m.features(x.values(), x.count());
    }
    Files.deleteIfExists(dir.resolve(ModelManifest.FILE_NAME));
    vocab.write(dir.resolve("vocab.txt"));
    Files.writeString(
        dir.resolve("graft-input.json"),
        "{\"modality\": \"text\", \"input\": {\"kind\": \"text\", \"maxLength\": 16,"
            + " \"vocabularyFile\": \""
            + dir.resolve("vocab.txt")
            + "\"},"
            + " \"features\": {\"signature\": \"features\", \"output\": \"features\"}}");
    SavedModelLoader loader = new SavedModelLoader(ENCODERS, DeviceConfig.cpu());
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.TEXT, Optional.of(dir.toString()), Map.of()));
    assertEquals(1, found.size());
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(target);
      assertEquals(target.size(), f.rows());
      assertEquals(12, f.cols());
      double maxDiff = 0;
      for (int r = 0; r < f.rows(); r++) {
        for (int c = 0; c < f.cols(); c++) {
          maxDiff = Math.max(maxDiff, Math.abs(f.get(r, c) - expected[r * 12 + c]));
        }
      }
      assertTrue(maxDiff < 1e-4, "max difference " + maxDiff);
    }
  }
}
