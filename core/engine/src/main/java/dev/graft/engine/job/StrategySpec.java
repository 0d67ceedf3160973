package dev.graft.engine.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.graft.api.error.ConfigException;
import java.util.Map;

/**
 * A strategy to run, with options. In YAML either a bare id ({@code - fine-tune}) or a map ({@code
 * - id: fine-tune, options: {top-k: 2}}).
 *
 * @param id the {@code TransferStrategy} id
 * @param options strategy options
 */
public record StrategySpec(String id, Map<String, String> options) {

  /** Validates. */
  public StrategySpec {
    ConfigException.require(id != null && !id.isBlank(), "strategies[].id", id, "a strategy id");
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /**
   * A strategy without options, from a bare id in YAML.
   *
   * @param id the strategy id
   * @return the spec
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StrategySpec of(String id) {
    return new StrategySpec(id, Map.of());
  }
}
