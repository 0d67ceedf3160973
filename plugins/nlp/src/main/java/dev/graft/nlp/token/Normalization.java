package dev.graft.nlp.token;

import java.text.Normalizer;
import java.util.Locale;

/** Unicode normalisation applied before tokenising. */
public enum Normalization {
  /** Text as given. */
  NONE,
  /** Canonical composition (NFC): é as one code point. */
  NFC,
  /**
   * Compatibility composition (NFKC, the default): also folds ligatures (ﬁ to fi), full-width forms
   * and superscripts.
   */
  NFKC;

  /**
   * Normalises a text.
   *
   * @param text the text
   * @return the normalised text
   */
  public String apply(String text) {
    return switch (this) {
      case NONE -> text;
      case NFC -> Normalizer.normalize(text, Normalizer.Form.NFC);
      case NFKC -> Normalizer.normalize(text, Normalizer.Form.NFKC);
    };
  }

  /**
   * Parses {@code none}, {@code nfc} or {@code nfkc} (any case).
   *
   * @param value the name
   * @return the normalisation
   * @throws IllegalArgumentException for another value
   */
  public static Normalization parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * Removes combining marks after canonical decomposition (café to cafe, naïve to naive), as BERT's
   * uncased tokeniser does.
   *
   * @param text the text
   * @return the text without accents, NFC-composed
   */
  public static String stripAccents(String text) {
    String d = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      if (Character.getType(cp) != Character.NON_SPACING_MARK) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }
}
