package dev.graft.engine.strategy;

import dev.graft.api.error.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strategy's options from the job spec, checked: unknown names and bad values are reported with
 * the option, the value and what is allowed.
 */
final class StrategyOptions {

  private final String strategyId;
  private final Map<String, String> values;

  private StrategyOptions(String strategyId, Map<String, String> values) {
    this.strategyId = strategyId;
    this.values = values;
  }

  /**
   * Checks the names.
   *
   * @param strategyId the strategy, named in errors
   * @param values the options given
   * @param allowed the names the strategy understands
   * @return the options
   * @throws ConfigException naming the unknown option and the allowed names
   */
  static StrategyOptions of(String strategyId, Map<String, String> values, Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw new ConfigException(
            "strategy '"
                + strategyId
                + "' has no option '"
                + key
                + "'; its options are "
                + new TreeSet<>(allowed)
                + ".");
      }
    }
    return new StrategyOptions(strategyId, values);
  }

  private String name(String key) {
    return "strategies[" + strategyId + "].options." + key;
  }

  Optional<String> raw(String key) {
    return Optional.ofNullable(values.get(key)).map(String::trim);
  }

  int integer(String key, int fallback, int min, int max) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get());
      ConfigException.require(
          n >= min && n <= max, name(key), v.get(), "an integer from " + min + " to " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "'"
              + name(key)
              + "' is '"
              + v.get()
              + "'; it must be an integer from "
              + min
              + " to "
              + max
              + ".");
    }
  }

  double number(String key, double fallback, double min, double max, boolean minExclusive) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return fallback;
    }
    String range = (minExclusive ? "greater than " : "at least ") + min + " and at most " + max;
    try {
      double d = Double.parseDouble(v.get());
      boolean ok = Double.isFinite(d) && (minExclusive ? d > min : d >= min) && d <= max;
      ConfigException.require(ok, name(key), v.get(), "a number " + range);
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "'" + name(key) + "' is '" + v.get() + "'; it must be a number " + range + ".");
    }
  }

  boolean bool(String key, boolean fallback) {
    Optional<String> v = raw(key);
    if (v.isEmpty()) {
      return fallback;
    }
    String t = v.get().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    throw new ConfigException(
        "'" + name(key) + "' is '" + v.get() + "'; it must be true or false.");
  }

  /** An integer option that may also be {@code all} (returned as 0). */
  int integerOrAll(String key, int min, int max) {
    Optional<String> v = raw(key);
    if (v.isEmpty() || v.get().equalsIgnoreCase("all")) {
      return 0;
    }
    try {
      int n = Integer.parseInt(v.get());
      ConfigException.require(
          n >= min && n <= max,
          name(key),
          v.get(),
          "'all' or an integer from " + min + " to " + max);
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "'"
              + name(key)
              + "' is '"
              + v.get()
              + "'; it must be 'all' or an integer from "
              + min
              + " to "
              + max
              + ".");
    }
  }
}
