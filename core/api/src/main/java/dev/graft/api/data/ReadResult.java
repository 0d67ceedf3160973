package dev.graft.api.data;

import java.util.List;

/**
 * What a reader produced and what it skipped.
 *
 * @param dataset the examples read
 * @param skipped one entry per skipped file or row (empty unless the policy was SKIP)
 * @param <T> the example type
 */
public record ReadResult<T>(Dataset<T> dataset, List<SkippedInput> skipped) {

  /** Freezes the list. */
  public ReadResult {
    skipped = List.copyOf(skipped);
  }

  /**
   * A skipped file or row.
   *
   * @param location the file, optionally with {@code :line}
   * @param reason why it was skipped
   */
  public record SkippedInput(String location, String reason) {}
}
