package dev.graft.nlp.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipGramTest {

  @TempDir Path temp;

  /**
   * Two topics whose words never share a sentence: animals and vehicles, mixed with common words.
   * Skip-gram must place words of one topic nearer each other than words of the other.
   */
  private static List<String> corpus(long seed) {
    String[] animals = {"cat", "dog", "horse", "cow", "sheep", "goat"};
    String[] vehicles = {"car", "bus", "train", "truck", "bike", "tram"};
    String[] common = {"the", "a", "is", "and", "of"};
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      String[] topic = s % 2 == 0 ? animals : vehicles;
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < 12; w++) {
        sb.append(
                rnd.nextInt(3) == 0
                    ? common[rnd.nextInt(common.length)]
                    : topic[rnd.nextInt(topic.length)])
            .append(' ');
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void wordsOfOneTopicEndUpCloserAndTrainingIsDeterministic() {
    SkipGram.Config config = new SkipGram.Config(16, 3, 5, 3, 0.025, 0, 1, 100, 7);
    List<String> lines = new ArrayList<>();
    WordVectors v = new SkipGram(config, lines::add).train(corpus(1), WordTokenizer.defaults());
    assertEquals(3, lines.size());
    assertEquals(17, v.size());
    double within = 0;
    double across = 0;
    List<String> animals = List.of("cat", "dog", "horse", "cow");
    List<String> vehicles = List.of("car", "bus", "train", "truck");
    for (String a : animals) {
      for (String b : animals) {
        within += a.equals(b) ? 0 : v.similarity(a, b);
      }
      for (String b : vehicles) {
        across += v.similarity(a, b);
      }
    }
    within /= 12;
    across /= 16;
    assertTrue(within > across + 0.3, "within " + within + " across " + across);
    List<String> allAnimals = List.of("dog", "horse", "cow", "sheep", "goat");
    assertTrue(
        allAnimals.containsAll(v.nearest("cat", 3)), "nearest to cat: " + v.nearest("cat", 3));
    WordVectors again = new SkipGram(config, l -> {}).train(corpus(1), WordTokenizer.defaults());
    assertArrayEquals(v.vector("cat"), again.vector("cat"));
  }

  @Test
  void vectorsRoundTripAndFillAnEmbeddingTable() {
    SkipGram.Config config = new SkipGram.Config(8, 2, 3, 1, 0.025, 1e-3, 1, 100, 3);
    WordVectors v = new SkipGram(config, l -> {}).train(corpus(2), WordTokenizer.defaults());
    Path file = temp.resolve("v.txt");
    v.write(file);
    WordVectors read = WordVectors.read(file);
    assertEquals(v.tokens(), read.tokens());
    assertArrayEquals(v.vector("bus"), read.vector("bus"), 1e-5f);
    Vocabulary vocab = Vocabulary.of(List.of("[PAD]", "[UNK]", "bus", "unseen"));
    float[] table = v.embeddingTable(vocab, 1);
    assertEquals(32, table.length);
    for (int d = 0; d < 8; d++) {
      assertEquals(0f, table[d], "[PAD] is zero");
      assertEquals(v.vector("bus")[d], table[16 + d]);
      assertTrue(Math.abs(table[24 + d]) <= 0.05f);
    }
    assertEquals(List.of("[PAD]", "[UNK]", v.tokens().get(0)), v.vocabulary(3).tokens());
  }

  @Test
  void aTinyCorpusIsRejected() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                new SkipGram(SkipGram.Config.defaults(1), l -> {})
                    .train(List.of("just a few words here"), WordTokenizer.defaults()));
    assertEquals(NlpErrors.CORPUS_TOO_SMALL, e.errorId());
  }
}
