package dev.graft.nlp.encode;

import dev.graft.nlp.token.BertInputs;
import dev.graft.nlp.token.Sequences;
import dev.graft.nlp.token.Vocabulary;
import dev.graft.nlp.token.WordPieceTokenizer;
import dev.graft.nlp.token.WordTokenizer;
import java.util.List;

/**
 * A {@link TextInputSpec} ready to encode: its tokeniser and vocabulary resolved once. Immutable
 * and thread-safe.
 */
public final class TextEncoding {

  private final TextInputSpec spec;
  private final Vocabulary vocabulary;
  private final WordTokenizer word;
  private final WordPieceTokenizer wordPiece;

  /**
   * Resolves a spec.
   *
   * @param spec the spec
   * @throws dev.graft.api.error.InvalidInputException NLP-TOKEN-001 or GRAFT-IO-001 if the
   *     vocabulary is malformed or its file unreadable
   */
  public TextEncoding(TextInputSpec spec) {
    this.spec = spec;
    this.vocabulary =
        spec.vocabulary() != null
            ? Vocabulary.of(spec.vocabulary())
            : Vocabulary.read(spec.vocabularyPath());
    if (spec.tokenizer().equals(TextInputSpec.WORDPIECE)) {
      this.word = null;
      this.wordPiece = new WordPieceTokenizer(vocabulary, spec.lowercase());
    } else {
      this.word = spec.wordTokenizer();
      this.wordPiece = null;
    }
  }

  /**
   * The spec.
   *
   * @return the spec
   */
  public TextInputSpec spec() {
    return spec;
  }

  /**
   * The vocabulary.
   *
   * @return the vocabulary
   */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The values per example.
   *
   * @return {@code maxLength}, or {@code 3 * maxLength} for the ids-mask-segments layout
   */
  public int exampleSize() {
    return spec.layout().equals(TextInputSpec.IDS) ? spec.maxLength() : 3 * spec.maxLength();
  }

  /**
   * Encodes one text into {@code out} at {@code offset} ({@link #exampleSize()} values).
   *
   * @param text the text
   * @param out the target array
   * @param offset where the example starts
   */
  public void encodeInto(String text, float[] out, int offset) {
    int len = spec.maxLength();
    int[] ids;
    int[] mask = null;
    int[] segments = null;
    if (wordPiece != null) {
      BertInputs b = wordPiece.encode(text, len);
      ids = b.ids();
      mask = b.mask();
      segments = b.segments();
    } else {
      List<String> tokens = word.tokenize(text);
      int[] raw = vocabulary.ids(tokens);
      ids = Sequences.fit(raw, len, vocabulary.padId());
      if (!spec.layout().equals(TextInputSpec.IDS)) {
        mask = new int[len];
        java.util.Arrays.fill(mask, 0, Math.min(raw.length, len), 1);
        segments = new int[len];
      }
    }
    for (int i = 0; i < len; i++) {
      out[offset + i] = ids[i];
    }
    if (!spec.layout().equals(TextInputSpec.IDS)) {
      for (int i = 0; i < len; i++) {
        out[offset + len + i] = mask[i];
        out[offset + 2 * len + i] = segments[i];
      }
    }
  }

  /**
   * The token ids of one text, unpadded and untruncated (for the word tokeniser; WordPiece ids
   * include {@code [CLS]} and {@code [SEP]} and are fitted to {@code maxLength}).
   *
   * @param text the text
   * @return the ids
   */
  public int[] ids(String text) {
    if (wordPiece != null) {
      BertInputs b = wordPiece.encode(text, spec.maxLength());
      return java.util.Arrays.copyOf(b.ids(), b.length());
    }
    return vocabulary.ids(word.tokenize(text));
  }
}
