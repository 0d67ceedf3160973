package dev.graft.api.data;

import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Modality;
import java.util.Map;

/**
 * Where a data set came from, for reports and provenance.
 *
 * @param name a short name (e.g. the folder name)
 * @param modality what kind of data it holds
 * @param location where it was read from (a path or URI as text), or "generated"
 * @param digest a content digest (e.g. {@code sha256:...}) identifying exactly this data
 * @param properties reader-specific facts (format, image size, skipped count)
 */
public record DatasetInfo(
    String name,
    Modality modality,
    String location,
    String digest,
    Map<String, String> properties) {

  /** Validates and freezes. */
  public DatasetInfo {
    ConfigException.require(name != null && !name.isBlank(), "dataset.name", name, "non-blank");
    ConfigException.require(modality != null, "dataset.modality", null, "a modality");
    location = location == null ? "generated" : location;
    digest = digest == null ? "" : digest;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
