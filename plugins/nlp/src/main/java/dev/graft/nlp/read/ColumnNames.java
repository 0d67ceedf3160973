package dev.graft.nlp.read;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest existing column or field name for a misspelled one. */
final class ColumnNames {

  private ColumnNames() {}

  /**
   * The existing name closest to {@code wanted} (case-insensitive edit distance), if it is close
   * enough to be a likely typo: at most a third of the longer name's length, and at least one edit
   * fewer than the length of {@code wanted}.
   *
   * @param wanted the name asked for
   * @param existing the names that exist
   * @return the suggestion, if any
   */
  static Optional<String> closest(String wanted, Collection<String> existing) {
    String w = wanted.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : existing) {
      int d = distance(w, name.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = name;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(1, Math.max(w.length(), best.length()) / 3);
    return bestDistance <= limit && bestDistance < w.length()
        ? Optional.of(best)
        : Optional.empty();
  }

  /**
   * The message tail naming a suggestion and the available names.
   *
   * @param wanted the name asked for
   * @param existing the names that exist
   * @return e.g. {@code "; did you mean 'label'? The columns are [text, label]"}
   */
  static String hint(String wanted, Collection<String> existing) {
    return closest(wanted, existing).map(s -> "; did you mean '" + s + "'?").orElse(";")
        + " the available names are "
        + existing;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
