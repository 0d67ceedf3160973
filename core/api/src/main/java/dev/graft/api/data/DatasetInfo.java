package dev.graft.api.data;

import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Modality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a data set came from, for reports and provenance.
 *
 * @param name a short name (e.g. the folder name)
 * @param modality what kind of data it holds
 * @param location where it was read from (a path or URI as text), or "generated"
 * @param digest a content digest (e.g. {@code sha256:...}) identifying exactly this data
 * @param properties reader-specific facts (format, image size, skipped count); the key {@value
 *     #CLASS_NAMES} is reserved for the class names of an unlabelled set whose classes are known
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

  /**
   * The property that names the classes of an unlabelled data set whose classes are known, one name
   * per line: the target of unsupervised domain adaptation ({@code labels-per-class: 0}) has no
   * labels, but strategies still need to know which classes to predict.
   */
  public static final String CLASS_NAMES = "graft.class-names";

  /**
   * The class names recorded with {@link #withClassNames}.
   *
   * @return the names in output order, if recorded
   */
  public Optional<List<String>> classNames() {
    String names = properties.get(CLASS_NAMES);
    return names == null ? Optional.empty() : Optional.of(List.of(names.split("\n", -1)));
  }

  /**
   * The same info recording the class names of the data set's (possibly withheld) labels.
   *
   * @param names the class names in output order, two or more, none blank or containing a line
   *     break
   * @return the new info
   * @throws ConfigException naming the bad class name
   */
  public DatasetInfo withClassNames(List<String> names) {
    ConfigException.require(
        names != null && names.size() >= 2, "classNames", names, "two or more class names");
    for (String n : names) {
      ConfigException.require(
          n != null && !n.isBlank() && n.indexOf('\n') < 0 && n.indexOf('\r') < 0,
          "classNames",
          n == null ? null : "'" + n + "'",
          "a non-blank name without line breaks");
    }
    Map<String, String> p = new LinkedHashMap<>(properties);
    p.put(CLASS_NAMES, String.join("\n", names));
    return new DatasetInfo(name, modality, location, digest, p);
  }
}
