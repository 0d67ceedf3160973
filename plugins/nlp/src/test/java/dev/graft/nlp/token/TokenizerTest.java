package dev.graft.nlp.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

  @TempDir Path temp;

  @Test
  void wordTokensAreUnicodeAwareAndNormalised() {
    WordTokenizer t = WordTokenizer.defaults();
    assertEquals(
        List.of("don't", "panic", "state-of-the-art", "café", "42", "fine"),
        t.tokenize("Don't PANIC: state-of-the-art café, 42 ﬁne!"),
        "NFKC folds the fi ligature");
    assertEquals(List.of("東", "京", "は", "big"), t.tokenize("東京は big"));
    assertEquals(
        List.of("straße", "ελληνικά", "кириллица"), t.tokenize("Straße ΕΛΛΗΝΙΚΆ Кириллица"));
    WordTokenizer accents = new WordTokenizer(true, Normalization.NFC, true, true);
    assertEquals(List.of("naive", "cafe", "!", "$"), accents.tokenize("Naïve café! $"));
    WordTokenizer cased = new WordTokenizer(false, Normalization.NONE, false, false);
    assertEquals(List.of("Hello", "World"), cased.tokenize("Hello, World."));
  }

  @Test
  void vocabularyKeepsReservedTokensThenFrequentOnes() throws IOException {
    List<List<String>> docs =
        List.of(List.of("b", "a", "a", "c"), List.of("a", "b", "d"), List.of("c", "e"));
    Vocabulary v = Vocabulary.build(docs, 2, 10, Vocabulary.DEFAULT_RESERVED);
    assertEquals(List.of("[PAD]", "[UNK]", "a", "b", "c"), v.tokens());
    assertEquals(0, v.padId());
    assertEquals(1, v.id("zebra"));
    assertArrayEquals(new int[] {2, 1, 4}, v.ids(List.of("a", "d", "c")));
    Vocabulary capped = Vocabulary.build(docs, 1, 3, Vocabulary.DEFAULT_RESERVED);
    assertEquals(List.of("[PAD]", "[UNK]", "a"), capped.tokens());
    Path file = temp.resolve("vocab.txt");
    v.write(file);
    assertEquals(v, Vocabulary.read(file));
  }

  @Test
  void malformedVocabulariesNameTheProblem() throws IOException {
    Path dup = Files.writeString(temp.resolve("dup.txt"), "[PAD]\n[UNK]\nthe\nof\nthe\n");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Vocabulary.read(dup));
    assertEquals(NlpErrors.INVALID_VOCABULARY, e.errorId());
    assertTrue(e.getMessage().contains("'the' appears on lines 3 and 5"), e.getMessage());
    InvalidInputException noUnk =
        assertThrows(InvalidInputException.class, () -> Vocabulary.of(List.of("[PAD]", "a")));
    assertTrue(noUnk.getMessage().contains("[UNK]"), noUnk.getMessage());
  }

  @Test
  void wordPieceFollowsBert() {
    Vocabulary v =
        Vocabulary.of(
            List.of(
                "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "the",
                "cafe", ",", "!", "runn", "##ing", "東"));
    WordPieceTokenizer wp = new WordPieceTokenizer(v, true);
    assertEquals(
        List.of("un", "##aff", "##able", ",", "the", "cafe", "!", "[UNK]", "東", "runn", "##ing"),
        wp.tokenize("UNAFFABLE, the Café! xyz 東running"));
    BertInputs one = wp.encode("the cafe", 6);
    assertArrayEquals(new int[] {2, 8, 9, 3, 0, 0}, one.ids());
    assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0}, one.mask());
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, one.segments());
    BertInputs pair = wp.encode("the cafe the cafe", "unaffable", 8);
    // 4 + 3 tokens + 3 specials = 10 > 8: the longer first text loses two tokens
    assertArrayEquals(new int[] {2, 8, 9, 3, 5, 6, 7, 3}, pair.ids());
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, pair.segments());
    assertEquals(8, pair.length());
    assertThrows(
        InvalidInputException.class,
        () -> new WordPieceTokenizer(Vocabulary.of(List.of("[PAD]", "[UNK]", "a")), true));
  }

  @Test
  void sequencesArePaddedOrTruncatedToTheLength() {
    assertArrayEquals(new int[] {5, 6, 0, 0}, Sequences.fit(new int[] {5, 6}, 4, 0));
    assertArrayEquals(new int[] {5, 6}, Sequences.fit(new int[] {5, 6, 7}, 2, 0));
  }
}
