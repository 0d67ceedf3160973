package dev.graft.nlp.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.nlp.Text;
import dev.graft.nlp.data.NlpData;
import dev.graft.nlp.encode.TextEncoding;
import dev.graft.nlp.encode.TextInputSpec;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every recipe builds, exports its features layer, and learns two shipped topics. */
class TextRecipesTest {

  @Test
  void everyRecipeLearnsStartrekVersusFood() {
    Dataset<Text> data = NlpData.fortunes(List.of("startrek", "food"));
    WordTokenizer tokenizer = WordTokenizer.defaults();
    List<List<String>> docs = new ArrayList<>();
    data.examples().forEach(t -> docs.add(tokenizer.tokenize(t.value())));
    Vocabulary vocab = Vocabulary.build(docs, 2, 3000, Vocabulary.DEFAULT_RESERVED);
    TextEncoding enc = new TextEncoding(TextInputSpec.word(tokenizer, vocab, 32));
    int n = data.size();
    float[] x = new float[n * 32];
    float[] y = new float[n * 2];
    for (int i = 0; i < n; i++) {
      enc.encodeInto(data.example(i).value(), x, i * 32);
      y[i * 2 + data.classLabels().get(i)] = 1;
    }
    for (String recipe : List.of("text-cnn", "embedding-bag", "transformer-1")) {
      NetworkSpec spec = TextRecipes.build(recipe, 32, vocab.size(), 32, 2);
      assertEquals(TextRecipes.HEAD, spec.outputLayer().name());
      assertEquals(TextRecipes.EMBEDDING, spec.layers().get(0).name());
      try (GraphModel m =
          GraphModel.builder()
              .setNetwork(spec)
              .setLoss(LossSpec.softmaxCrossEntropy())
              .optOptimizer(OptimizerSpec.adam(recipe.equals("embedding-bag") ? 0.02 : 0.003))
              .optSeed(5)
              .build()) {
        assertEquals(recipe.equals("text-cnn") ? 3 * 64 : 32, m.featureWidth(), recipe);
        float before = m.loss(x, y, null, n);
        for (int epoch = 0; epoch < 6; epoch++) {
          for (int s = 0; s + 32 <= n; s += 32) {
            m.trainStep(
                java.util.Arrays.copyOfRange(x, s * 32, (s + 32) * 32),
                java.util.Arrays.copyOfRange(y, s * 2, (s + 32) * 2),
                null,
                32);
          }
        }
        float[] logits = m.logits(x, n);
        int correct = 0;
        for (int i = 0; i < n; i++) {
          int p = logits[i * 2 + 1] > logits[i * 2] ? 1 : 0;
          correct += p == data.classLabels().get(i) ? 1 : 0;
        }
        assertTrue(m.loss(x, y, null, n) < before, recipe + " loss falls");
        assertTrue(
            correct / (double) n > 0.85, recipe + " training accuracy " + correct / (double) n);
      }
    }
  }

  @Test
  void invalidRecipesAndSizesAreConfigErrors() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> TextRecipes.build("lstm", 8, 10, 2));
    assertTrue(e.getMessage().contains("text-cnn"), e.getMessage());
    assertThrows(ConfigException.class, () -> TextRecipes.transformer(8, 10, 30, 2, 2));
    assertThrows(ConfigException.class, () -> TextRecipes.transformer(8, 10, 32, 5, 2));
    assertEquals("transformer-3", TextRecipes.build("transformer-3", 8, 10, 2).name());
  }
}
