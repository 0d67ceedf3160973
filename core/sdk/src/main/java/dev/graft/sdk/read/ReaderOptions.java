package dev.graft.sdk.read;

import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reader's view of {@link ReadOptions#options()}: rejects keys the reader does not know (naming
 * the valid ones) and parses values with errors that name the reader, the option and the value.
 */
public final class ReaderOptions {

  private final String readerId;
  private final Map<String, String> values;
  private final Map<String, String> known;

  private ReaderOptions(String readerId, Map<String, String> values, Map<String, String> known) {
    this.readerId = readerId;
    this.values = values;
    this.known = known;
  }

  /**
   * Checks that every option is known to the reader.
   *
   * @param readerId the reader's id, named in errors
   * @param options what the caller passed
   * @param known option name to a short description of its values, e.g. {@code "1, 3 or auto"}
   * @return the checked options
   * @throws InvalidInputException GRAFT-DATA-007 naming the unknown option and the valid ones
   */
  public static ReaderOptions check(
      String readerId, ReadOptions options, Map<String, String> known) {
    for (String key : options.options().keySet()) {
      if (!known.containsKey(key)) {
        StringBuilder valid = new StringBuilder();
        new TreeMap<>(known)
            .forEach(
                (k, v) -> valid.append(valid.length() == 0 ? "" : ", ").append(k + " (" + v + ")"));
        throw new InvalidInputException(
            GraftErrors.INVALID_READER_OPTION,
            "reader '"
                + readerId
                + "' has no option '"
                + key
                + "'; its options are: "
                + (known.isEmpty() ? "none" : valid)
                + ".");
      }
    }
    return new ReaderOptions(readerId, options.options(), Map.copyOf(known));
  }

  /**
   * A raw option value.
   *
   * @param key the option
   * @return its value if set
   */
  public Optional<String> string(String key) {
    requireKnown(key);
    return Optional.ofNullable(values.get(key)).map(String::trim);
  }

  /**
   * An integer option.
   *
   * @param key the option
   * @param defaultValue used when it is not set
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the value
   */
  public long longValue(String key, long defaultValue, long min, long max) {
    Optional<String> raw = string(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long v = Long.parseLong(raw.get());
      if (v < min || v > max) {
        throw invalid(key, raw.get(), "an integer from " + min + " to " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(key, raw.get(), "an integer from " + min + " to " + max);
    }
  }

  /**
   * An integer option that may be absent.
   *
   * @param key the option
   * @param min smallest allowed value
   * @param max largest allowed value
   * @return the value if set
   */
  public Optional<Integer> optionalInt(String key, int min, int max) {
    if (string(key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((int) longValue(key, 0, min, max));
  }

  /**
   * A positive finite number.
   *
   * @param key the option
   * @param defaultValue used when it is not set
   * @return the value
   */
  public double positiveDouble(String key, double defaultValue) {
    Optional<String> raw = string(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      double v = Double.parseDouble(raw.get());
      if (!(v > 0) || Double.isInfinite(v)) {
        throw invalid(key, raw.get(), "a positive number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(key, raw.get(), "a positive number");
    }
  }

  /**
   * One of a fixed set of words.
   *
   * @param key the option
   * @param defaultValue used when it is not set
   * @param allowed the allowed values (lower case)
   * @return the value, lower-cased
   */
  public String choice(String key, String defaultValue, Set<String> allowed) {
    Optional<String> raw = string(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    String v = raw.get().toLowerCase(java.util.Locale.ROOT);
    if (!allowed.contains(v)) {
      throw invalid(key, raw.get(), "one of " + new java.util.TreeSet<>(allowed));
    }
    return v;
  }

  /**
   * An error for a bad value of {@code key}.
   *
   * @param key the option
   * @param value the bad value
   * @param expectation what is allowed
   * @return the exception to throw
   */
  public InvalidInputException invalid(String key, String value, String expectation) {
    return new InvalidInputException(
        GraftErrors.INVALID_READER_OPTION,
        "reader '"
            + readerId
            + "' option '"
            + key
            + "' is '"
            + value
            + "'; it must be "
            + expectation
            + ".");
  }

  /**
   * The options that were set, for data set facts.
   *
   * @return option name to value, sorted
   */
  public Map<String, String> asMap() {
    return new TreeMap<>(values);
  }

  private void requireKnown(String key) {
    if (!known.containsKey(key)) {
      throw new IllegalArgumentException(
          "reader '" + readerId + "' asked for undeclared option '" + key + "'");
    }
  }
}
