package dev.graft.vision.glyph;

import dev.graft.api.error.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Named character sets for the glyph renderer. */
public final class CharacterSets {

  /** The ten digits. */
  public static final String DIGITS = "0123456789";

  /** Upper-case Latin letters. */
  public static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** Lower-case Latin letters. */
  public static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  private CharacterSets() {}

  /**
   * Resolves a set name or a literal list of characters.
   *
   * @param spec {@code digits}, {@code upper}, {@code lower}, {@code letters}, {@code alnum} (the
   *     62 digits and letters), or the characters themselves (e.g. {@code ABC+-})
   * @return the distinct characters (as strings, one code point each), in order
   * @throws ConfigException if the spec is empty or holds whitespace
   */
  public static List<String> resolve(String spec) {
    ConfigException.require(
        spec != null && !spec.isEmpty(),
        "chars",
        spec,
        "digits, alnum, upper, lower, letters or literal characters");
    String chars =
        switch (spec) {
          case "digits" -> DIGITS;
          case "upper" -> UPPER;
          case "lower" -> LOWER;
          case "letters" -> UPPER + LOWER;
          case "alnum" -> DIGITS + UPPER + LOWER;
          default -> spec;
        };
    Set<String> out = new LinkedHashSet<>();
    chars
        .codePoints()
        .forEach(
            cp -> {
              ConfigException.require(
                  !Character.isWhitespace(cp) && !Character.isISOControl(cp),
                  "chars",
                  spec,
                  "visible characters (no spaces or control characters)");
              out.add(new String(Character.toChars(cp)));
            });
    return new ArrayList<>(out);
  }
}
