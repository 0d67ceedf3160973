package dev.graft.nlp.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.EncodedInputs;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.tensorflow.nn.SpecJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputEncoderTest {

  @TempDir Path temp;

  private static final Vocabulary VOCAB =
      Vocabulary.of(List.of("[PAD]", "[UNK]", "the", "cat", "sat", "mat"));

  private static <T> Dataset<T> data(List<T> examples) {
    return Dataset.unlabelled(new DatasetInfo("t", Modality.TEXT, null, null, null), examples);
  }

  @Test
  void encodesIdsPaddedAndTruncatedFromTheManifestSpec() throws IOException {
    TextInputSpec spec = TextInputSpec.word(WordTokenizer.defaults(), VOCAB, 4);
    // through JSON, as the host reads a manifest
    @SuppressWarnings("unchecked")
    Map<String, Object> map = SpecJson.mapper().readValue(SpecJson.write(spec.toMap()), Map.class);
    assertEquals(List.of(4), map.get("shape"));
    assertEquals(spec, TextInputSpec.fromMap(map));
    EncodedInputs x =
        new TextInputEncoder()
            .encode(
                data(List.of(Text.of("The cat sat on the mat!"), Text.of("Cat"))), map, true, 3);
    assertEquals(2, x.count());
    assertArrayEquals(new int[] {4}, x.exampleShape());
    assertArrayEquals(new float[] {2, 3, 4, 1, 3, 0, 0, 0}, x.values());
    EncodedInputs plain = new TextInputEncoder().encode(data(List.of("the mat")), map, false, 0);
    assertArrayEquals(new float[] {2, 5, 0, 0}, plain.values(), "plain strings are text too");
  }

  @Test
  void idsMaskSegmentsLayoutAndAWordPieceVocabularyFile() throws IOException {
    Path file =
        Files.writeString(temp.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nthe\ncat\n##s\n");
    Map<String, Object> map = new HashMap<>();
    map.put("kind", "text");
    map.put("tokenizer", "wordpiece");
    map.put("maxLength", 5);
    map.put("vocabularyFile", file.toString());
    map.put("layout", "ids-mask-segments");
    EncodedInputs x =
        new TextInputEncoder().encode(data(List.of(Text.of("The cats"))), map, false, 0);
    assertArrayEquals(new int[] {3, 5}, x.exampleShape());
    assertArrayEquals(new float[] {2, 4, 5, 6, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, x.values());
  }

  @Test
  void badSpecsAndDataAreClearErrors() {
    Map<String, Object> spec =
        new HashMap<>(TextInputSpec.word(WordTokenizer.defaults(), VOCAB, 4).toMap());
    spec.put("kind", "image");
    ConfigException kind =
        assertThrows(
            ConfigException.class,
            () -> new TextInputEncoder().encode(data(List.of("a")), spec, false, 0));
    assertEquals(NlpErrors.INVALID_TEXT_SPEC, kind.errorId());
    spec.put("kind", "text");
    spec.remove("vocabulary");
    ConfigException vocab =
        assertThrows(
            ConfigException.class,
            () -> new TextInputEncoder().encode(data(List.of("a")), spec, false, 0));
    assertTrue(vocab.getMessage().contains("vocabularyFile"), vocab.getMessage());
    Map<String, Object> ok = TextInputSpec.word(WordTokenizer.defaults(), VOCAB, 4).toMap();
    InvalidInputException type =
        assertThrows(
            InvalidInputException.class,
            () -> new TextInputEncoder().encode(data(Arrays.asList(1, 2)), ok, false, 0));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, type.errorId());
    assertTrue(type.getMessage().contains("example 0"), type.getMessage());
    ok.put("maxLength", 0);
    assertThrows(ConfigException.class, () -> TextInputSpec.fromMap(ok));
  }
}
