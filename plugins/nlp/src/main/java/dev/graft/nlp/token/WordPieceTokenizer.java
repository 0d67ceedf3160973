package dev.graft.nlp.token;

import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BERT's WordPiece tokeniser over a user-supplied {@code vocab.txt}, so that BERT-style SavedModels
 * can be fed token ids, attention masks and segment ids. Follows the reference implementation: the
 * basic tokeniser removes control characters, splits on white space and around every punctuation
 * character and CJK ideograph, and (uncased models) lower-cases and strips accents; then each word
 * is split greedily into the longest vocabulary pieces, inner pieces prefixed with {@code ##}; a
 * word that cannot be split (or is longer than 100 characters) becomes {@code [UNK]}. Immutable and
 * thread-safe.
 */
public final class WordPieceTokenizer {

  /** Classification token that starts every sequence. */
  public static final String CLS = "[CLS]";

  /** Separator token that ends each segment. */
  public static final String SEP = "[SEP]";

  private static final int MAX_WORD_CHARS = 100;

  private final Vocabulary vocabulary;
  private final boolean lowercase;
  private final int clsId;
  private final int sepId;

  /**
   * Creates a tokeniser.
   *
   * @param vocabulary the vocabulary; must hold {@code [CLS]}, {@code [SEP]}, {@code [UNK]} and
   *     {@code [PAD]}
   * @param lowercase true for uncased models (lower-case and strip accents)
   * @throws InvalidInputException NLP-TOKEN-001 if a special token is missing
   */
  public WordPieceTokenizer(Vocabulary vocabulary, boolean lowercase) {
    for (String special : List.of(CLS, SEP, Vocabulary.UNK, Vocabulary.PAD)) {
      if (!vocabulary.contains(special)) {
        throw new InvalidInputException(
            NlpErrors.INVALID_VOCABULARY,
            "the WordPiece vocabulary has no '"
                + special
                + "' token; use the vocab.txt that came"
                + " with the model (BERT vocabularies hold [PAD], [UNK], [CLS], [SEP], [MASK]).");
      }
    }
    this.vocabulary = vocabulary;
    this.lowercase = lowercase;
    this.clsId = vocabulary.id(CLS);
    this.sepId = vocabulary.id(SEP);
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
   * Splits a text into WordPiece tokens (without {@code [CLS]}/{@code [SEP]}).
   *
   * @param text the text
   * @return the pieces
   */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    for (String word : basicTokens(text)) {
      wordPieces(word, out);
    }
    return out;
  }

  /**
   * Encodes one text as {@code [CLS] tokens [SEP]}, truncated and padded to {@code maxLength}.
   *
   * @param text the text
   * @param maxLength the sequence length, 2 or more
   * @return ids, mask (1 for real tokens) and segment ids (all 0)
   */
  public BertInputs encode(String text, int maxLength) {
    return encode(text, null, maxLength);
  }

  /**
   * Encodes a text pair as {@code [CLS] a [SEP] b [SEP]} (segment 0 then 1), truncating the longer
   * of the two one token at a time until it fits (BERT's longest-first rule), padded to {@code
   * maxLength}.
   *
   * @param first the first text
   * @param second the second text, or null for a single text
   * @param maxLength the sequence length (at least 2, or 3 for pairs)
   * @return ids, mask and segment ids
   */
  public BertInputs encode(String first, String second, int maxLength) {
    int specials = second == null ? 2 : 3;
    if (maxLength < specials) {
      throw new IllegalArgumentException("maxLength must be at least " + specials);
    }
    List<String> a = tokenize(first);
    List<String> b = second == null ? List.of() : tokenize(second);
    a = new ArrayList<>(a);
    b = new ArrayList<>(b);
    while (a.size() + b.size() + specials > maxLength) {
      if (a.size() >= b.size()) {
        a.remove(a.size() - 1);
      } else {
        b.remove(b.size() - 1);
      }
    }
    int[] ids = new int[maxLength];
    int[] mask = new int[maxLength];
    int[] segments = new int[maxLength];
    Arrays.fill(ids, vocabulary.padId());
    int p = 0;
    ids[p++] = clsId;
    for (String t : a) {
      ids[p++] = vocabulary.id(t);
    }
    ids[p++] = sepId;
    if (second != null) {
      int start = p;
      for (String t : b) {
        ids[p++] = vocabulary.id(t);
      }
      ids[p++] = sepId;
      Arrays.fill(segments, start, p, 1);
    }
    Arrays.fill(mask, 0, p, 1);
    return new BertInputs(ids, mask, segments);
  }

  private List<String> basicTokens(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == 0 || cp == 0xfffd || isControl(cp)) {
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        clean.append(' ');
      } else if (isCjk(cp)) {
        clean.append(' ').appendCodePoint(cp).append(' ');
      } else {
        clean.appendCodePoint(cp);
      }
    }
    String t = clean.toString();
    if (lowercase) {
      t = Normalization.stripAccents(t.toLowerCase(java.util.Locale.ROOT));
    }
    List<String> out = new ArrayList<>();
    for (String word : t.trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      StringBuilder cur = new StringBuilder();
      for (int i = 0; i < word.length(); ) {
        int cp = word.codePointAt(i);
        i += Character.charCount(cp);
        if (isPunctuation(cp)) {
          if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
          }
          out.add(new String(Character.toChars(cp)));
        } else {
          cur.appendCodePoint(cp);
        }
      }
      if (cur.length() > 0) {
        out.add(cur.toString());
      }
    }
    return out;
  }

  private void wordPieces(String word, List<String> out) {
    if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
      out.add(Vocabulary.UNK);
      return;
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      String found = null;
      while (start < end) {
        String piece = (start > 0 ? "##" : "") + word.substring(start, end);
        if (vocabulary.contains(piece)) {
          found = piece;
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (found == null) {
        out.add(Vocabulary.UNK);
        return;
      }
      pieces.add(found);
      start = end;
    }
    out.addAll(pieces);
  }

  private static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** BERT's punctuation: ASCII non-letters/digits/space, and Unicode P* categories. */
  static boolean isPunctuation(int cp) {
    if ((cp >= 33 && cp <= 47)
        || (cp >= 58 && cp <= 64)
        || (cp >= 91 && cp <= 96)
        || (cp >= 123 && cp <= 126)) {
      return true;
    }
    int t = Character.getType(cp);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }

  /** The CJK Unified Ideograph blocks BERT splits around. */
  static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
