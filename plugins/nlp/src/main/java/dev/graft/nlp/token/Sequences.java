package dev.graft.nlp.token;

import java.util.Arrays;

/** Fixed-length id sequences: truncation and padding. */
public final class Sequences {

  private Sequences() {}

  /**
   * Truncates (keeping the first {@code maxLength} ids) or pads (with {@code padId} at the end) to
   * exactly {@code maxLength}.
   *
   * @param ids the ids
   * @param maxLength the length, 1 or more
   * @param padId the padding id
   * @return a new array of length {@code maxLength}
   */
  public static int[] fit(int[] ids, int maxLength, int padId) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be 1 or more, got " + maxLength);
    }
    int[] out = new int[maxLength];
    Arrays.fill(out, padId);
    System.arraycopy(ids, 0, out, 0, Math.min(ids.length, maxLength));
    return out;
  }
}
