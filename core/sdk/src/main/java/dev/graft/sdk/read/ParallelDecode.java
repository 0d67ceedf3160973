package dev.graft.sdk.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Decoding many example files in parallel while reporting bad ones in a stable order: the files are
 * decoded concurrently, then the results are walked in input order, so the decoded examples and the
 * {@link BadInputLog} entries do not depend on thread scheduling.
 */
public final class ParallelDecode {

  private ParallelDecode() {}

  /**
   * Decodes items {@code 0 .. count-1} in parallel. An item whose decoding throws {@link
   * BadInputException} is added to {@code log}; every other item's result is appended to {@code
   * decoded}. Both happen in index order after all decoding finished. Any other exception
   * propagates.
   *
   * @param <T> the example type
   * @param count how many items
   * @param decode decodes item {@code i}; must be safe to call from several threads
   * @param log receives the bad items, in index order
   * @param decoded receives the good results, in index order
   * @return the indices of the good items, in order (parallel to what was appended to {@code
   *     decoded})
   */
  public static <T> List<Integer> decodeAll(
      int count, IntFunction<T> decode, BadInputLog log, List<T> decoded) {
    Object[] results = new Object[count];
    BadInputException[] problems = new BadInputException[count];
    IntStream.range(0, count)
        .parallel()
        .forEach(
            i -> {
              try {
                results[i] = decode.apply(i);
              } catch (BadInputException e) {
                problems[i] = e;
              }
            });
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (problems[i] != null) {
        log.add(problems[i]);
      } else {
        @SuppressWarnings("unchecked")
        T value = (T) results[i];
        decoded.add(value);
        kept.add(i);
      }
    }
    return kept;
  }
}
