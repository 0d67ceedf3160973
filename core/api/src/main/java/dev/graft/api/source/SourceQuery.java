package dev.graft.api.source;

import dev.graft.api.extension.Modality;
import java.util.Map;
import java.util.Optional;

/**
 * What a job asks loaders for.
 *
 * @param modality the target's modality
 * @param location a folder or model path named in the job, if any
 * @param options loader-specific settings from the job spec
 */
public record SourceQuery(
    Modality modality, Optional<String> location, Map<String, String> options) {

  /** Freezes. */
  public SourceQuery {
    location = location == null ? Optional.empty() : location;
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
