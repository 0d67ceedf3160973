package dev.graft.engine.job;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and ids: the closest candidate within a small edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, if it is within {@code max(2, typed.length() / 3)}
   * edits (insertions, deletions, substitutions, adjacent transpositions).
   *
   * @param typed what the user wrote
   * @param candidates the valid words
   * @return the closest valid word, if close enough
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d =
          distance(typed.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(2, typed.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * " (did you mean 'x'?)" or an empty string.
   *
   * @param typed what the user wrote
   * @param candidates the valid words
   * @return the hint, with a leading space, or empty
   */
  public static String hint(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
