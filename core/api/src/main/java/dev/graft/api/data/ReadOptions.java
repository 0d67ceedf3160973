package dev.graft.api.data;

import dev.graft.api.error.ConfigException;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link DatasetReader} reads.
 *
 * @param onBadInput fail (default) or skip bad files/rows
 * @param maxExamples read at most this many examples (0 = all)
 * @param options reader-specific settings (e.g. {@code label-column}, {@code width}); each reader
 *     documents the keys it accepts and rejects unknown ones
 */
public record ReadOptions(BadInputPolicy onBadInput, int maxExamples, Map<String, String> options) {

  /** Validates. */
  public ReadOptions {
    ConfigException.require(onBadInput != null, "on-bad-input", null, "fail or skip");
    ConfigException.require(maxExamples >= 0, "max-examples", maxExamples, "0 (all) or more");
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /**
   * Fail on bad input, read everything, no options.
   *
   * @return the defaults
   */
  public static ReadOptions defaults() {
    return new ReadOptions(BadInputPolicy.FAIL, 0, Map.of());
  }

  /**
   * A reader-specific option.
   *
   * @param key the option name
   * @return its value, if set
   */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }
}
