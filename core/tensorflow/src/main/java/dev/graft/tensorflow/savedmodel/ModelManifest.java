package dev.graft.tensorflow.savedmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code graft-model.json} written next to {@code saved_model.pb} by {@link
 * SavedModelExporter}.
 *
 * @param formatVersion the manifest format, {@value #FORMAT_VERSION} for this release
 * @param tags the tags of the exported meta graph
 * @param signatures the exported signatures by key, as {@link SavedModelInspector} reads them back
 * @param inputSpec free-form description of the expected input supplied by the exporter (shape,
 *     dtype, preprocessing); {@code null} if none was given
 * @param labels class labels in output order, empty for non-classifiers
 * @param provenance free-form provenance supplied by the exporter (versions, seed, data digests,
 *     metrics)
 * @param files SHA-256 (lower-case hex) of every file in the SavedModel directory except this
 *     manifest, keyed by path relative to the directory with {@code /} separators
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
    int formatVersion,
    List<String> tags,
    SortedMap<String, SignatureInfo> signatures,
    Object inputSpec,
    List<String> labels,
    Map<String, Object> provenance,
    SortedMap<String, String> files) {

  /** The manifest file name inside a SavedModel directory. */
  public static final String FILE_NAME = "graft-model.json";

  /** The manifest format this release writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Copies the collections; absent lists and maps become empty. */
  public ModelManifest {
    tags = tags == null ? List.of() : List.copyOf(tags);
    signatures = signatures == null ? new TreeMap<>() : new TreeMap<>(signatures);
    labels = labels == null ? List.of() : List.copyOf(labels);
    provenance = provenance == null ? Map.of() : new LinkedHashMap<>(provenance);
    files = files == null ? new TreeMap<>() : new TreeMap<>(files);
  }

  /**
   * Whether a SavedModel directory has a manifest.
   *
   * @param directory the SavedModel directory
   * @return true if {@value #FILE_NAME} exists there
   */
  public static boolean existsIn(Path directory) {
    return Files.isRegularFile(directory.resolve(FILE_NAME));
  }

  /**
   * Reads the manifest of a SavedModel directory.
   *
   * @param directory the SavedModel directory
   * @return the manifest
   * @throws GraftException {@code GRAFT-MODEL-001} if it is missing, unreadable, malformed or of a
   *     newer format
   */
  public static ModelManifest readFrom(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    ModelManifest manifest;
    try {
      manifest = MAPPER.readValue(file.toFile(), ModelManifest.class);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "manifest " + file + " cannot be read: " + e.getMessage() + ". Export the model again.",
          e);
    }
    if (manifest.formatVersion() < 1 || manifest.formatVersion() > FORMAT_VERSION) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "manifest "
              + file
              + " has format version "
              + manifest.formatVersion()
              + "; this Graft reads versions 1 to "
              + FORMAT_VERSION
              + ". Upgrade Graft.");
    }
    return manifest;
  }

  /**
   * Writes this manifest into a SavedModel directory.
   *
   * @param directory the SavedModel directory
   * @throws GraftException {@code GRAFT-IO-002} if the file cannot be written
   */
  public void writeTo(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      MAPPER.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write manifest " + file + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The manifest as JSON text.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.INTERNAL, "cannot serialise the model manifest: " + e.getMessage(), e);
    }
  }
}
