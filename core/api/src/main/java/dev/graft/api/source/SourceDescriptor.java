package dev.graft.api.source;

import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Modality;
import java.util.Map;

/**
 * A candidate source, as found by a {@link SourceLoader} before it is opened.
 *
 * @param id unique among the candidates of a job, e.g. {@code store:glyphs-62-cnn}
 * @param loaderId the loader that found it and can open it
 * @param kind what it offers
 * @param modality the data it was trained on
 * @param location where it lives (path or URI as text)
 * @param properties facts for reports (architecture, source data set, digest)
 */
public record SourceDescriptor(
    String id,
    String loaderId,
    SourceKind kind,
    Modality modality,
    String location,
    Map<String, String> properties) {

  /** Validates and freezes. */
  public SourceDescriptor {
    ConfigException.require(id != null && !id.isBlank(), "source.id", id, "non-blank");
    ConfigException.require(
        loaderId != null && !loaderId.isBlank(), "source.loader", loaderId, "non-blank");
    ConfigException.require(kind != null, "source.kind", null, "a source kind");
    ConfigException.require(modality != null, "source.modality", null, "a modality");
    location = location == null ? "" : location;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
