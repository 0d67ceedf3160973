package dev.graft.api.provenance;

import dev.graft.api.error.ConfigException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How something was made: a model, a score table, a run. Every model and run carries one, so a
 * result can be traced to its inputs and reproduced from its job spec and seed.
 *
 * <p>{@code values} holds flat, documented keys: {@code graft.version}, {@code tensorflow.version},
 * {@code djl.version}, {@code java.version}, {@code device}, {@code seed}, {@code data.digest},
 * {@code source.id}, {@code strategy.id}, configuration entries prefixed {@code config.}, and
 * metrics prefixed {@code metric.}. Nested steps (the source model's own provenance, each strategy
 * run of a job) are {@code children}.
 *
 * @param kind what this describes, e.g. {@code model}, {@code run}, {@code estimate}
 * @param createdAt when
 * @param values flat facts, insertion-ordered
 * @param children provenance of the inputs and steps
 */
public record Provenance(
    String kind, Instant createdAt, Map<String, String> values, List<Provenance> children) {

  /** Validates and freezes. */
  public Provenance {
    ConfigException.require(kind != null && !kind.isBlank(), "provenance.kind", kind, "non-blank");
    createdAt = createdAt == null ? Instant.now() : createdAt;
    values =
        values == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    children = children == null ? List.of() : List.copyOf(children);
  }

  /**
   * Starts a builder.
   *
   * @param kind what the provenance describes
   * @return a builder
   */
  public static Builder builder(String kind) {
    return new Builder(kind);
  }

  /**
   * One value.
   *
   * @param key the key
   * @return the value or null
   */
  public String get(String key) {
    return values.get(key);
  }

  /** Builds a {@link Provenance}. */
  public static final class Builder {
    private final String kind;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Provenance> children = new java.util.ArrayList<>();
    private Instant createdAt = Instant.now();

    private Builder(String kind) {
      this.kind = kind;
    }

    /**
     * Adds a fact.
     *
     * @param key a documented key
     * @param value its value (converted with {@code String.valueOf})
     * @return this
     */
    public Builder put(String key, Object value) {
      values.put(key, String.valueOf(value));
      return this;
    }

    /**
     * Adds all entries, prefixing their keys.
     *
     * @param prefix e.g. {@code config.}
     * @param entries the entries
     * @return this
     */
    public Builder putAll(String prefix, Map<String, ?> entries) {
      entries.forEach((k, v) -> values.put(prefix + k, String.valueOf(v)));
      return this;
    }

    /**
     * Adds the provenance of an input or step.
     *
     * @param child the nested provenance
     * @return this
     */
    public Builder child(Provenance child) {
      children.add(child);
      return this;
    }

    /**
     * Sets the creation time (defaults to now).
     *
     * @param time the instant
     * @return this
     */
    public Builder createdAt(Instant time) {
      this.createdAt = time;
      return this;
    }

    /**
     * Builds the provenance.
     *
     * @return the record
     */
    public Provenance build() {
      return new Provenance(kind, createdAt, values, children);
    }
  }
}
