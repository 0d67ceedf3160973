package dev.graft.engine.job;

import dev.graft.api.error.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * Where a job looks for candidate sources.
 *
 * @param loader the {@code SourceLoader} id, e.g. {@code model-store} or {@code saved-model}
 * @param location a folder or model path for the loader, if it needs one
 * @param select glob patterns on source ids to keep (empty = all the loader offers)
 * @param options loader options
 */
public record SourceSpec(
    String loader, String location, List<String> select, Map<String, String> options) {

  /** Validates and fills defaults. */
  public SourceSpec {
    ConfigException.require(
        loader != null && !loader.isBlank(), "sources[].loader", loader, "a source loader id");
    select = select == null ? List.of() : List.copyOf(select);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /**
   * Whether a source id passes {@link #select()} ({@code *} and {@code ?} wildcards).
   *
   * @param sourceId a candidate's id
   * @return true if kept
   */
  public boolean selects(String sourceId) {
    if (select.isEmpty()) {
      return true;
    }
    for (String glob : select) {
      String regex =
          glob.chars()
              .mapToObj(
                  c ->
                      c == '*'
                          ? ".*"
                          : c == '?'
                              ? "."
                              : java.util.regex.Pattern.quote(String.valueOf((char) c)))
              .reduce("", String::concat);
      if (sourceId.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
