package dev.graft.nlp.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Unicode-aware word tokeniser. After normalisation ({@link Normalization}, NFKC by default),
 * optional lower-casing ({@link Locale#ROOT}) and optional accent stripping, a token is a run of
 * letters, combining marks and digits in any script, which may hold inner apostrophes or hyphens
 * ({@code don't}, {@code state-of-the-art}); each Han, Hiragana, Katakana or Thai character is a
 * token of its own (those scripts do not separate words with spaces). Punctuation and symbols are
 * dropped, or kept as one-character tokens with {@code keepPunctuation}. Immutable and thread-safe.
 *
 * @param lowercase whether to lower-case
 * @param normalization the Unicode normalisation
 * @param stripAccents whether to remove combining marks (café to cafe)
 * @param keepPunctuation whether punctuation and symbols become tokens
 */
public record WordTokenizer(
    boolean lowercase, Normalization normalization, boolean stripAccents, boolean keepPunctuation) {

  private static final String WORD =
      "[\\p{L}\\p{M}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]+";
  private static final Pattern WORDS =
      Pattern.compile(
          "("
              + WORD
              + "(?:['\u2019\\-]"
              + WORD
              + ")*)"
              + "|([\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}])"
              + "|([\\p{P}\\p{S}])");

  /** Validates. */
  public WordTokenizer {
    normalization = normalization == null ? Normalization.NFKC : normalization;
  }

  /**
   * The defaults: lower-case, NFKC, accents kept, punctuation dropped.
   *
   * @return the tokeniser
   */
  public static WordTokenizer defaults() {
    return new WordTokenizer(true, Normalization.NFKC, false, false);
  }

  /**
   * Applies normalisation, lower-casing and accent stripping.
   *
   * @param text the raw text
   * @return the prepared text
   */
  public String prepare(String text) {
    String t = normalization.apply(text);
    if (lowercase) {
      t = t.toLowerCase(Locale.ROOT);
    }
    if (stripAccents) {
      t = Normalization.stripAccents(t);
    }
    return t;
  }

  /**
   * Splits a text into tokens.
   *
   * @param text the text
   * @return the tokens in order
   */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORDS.matcher(prepare(text));
    while (m.find()) {
      if (m.group(3) != null && !keepPunctuation) {
        continue;
      }
      out.add(m.group());
    }
    return out;
  }
}
