package dev.graft.engine.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.engine.plugin.ExtensionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled data a model-store entry was trained on, declared next to the model's folder in
 * {@code <model>.source-data.json}: {@code {"reader": "pixel-csv", "path": "glyphs.csv.gz",
 * "options": {...}}} with {@code path} relative to the sidecar's folder. It lives outside the model
 * folder so the model's file digests stay untouched. With it, a source offers {@link
 * dev.graft.api.source.Source#labelledData()}: instance-based strategies (CORAL, KMM, TrAdaBoost)
 * can run, and reports can plot source against target features.
 *
 * @param reader the dataset reader id
 * @param path the data file or folder, resolved
 * @param options reader options
 */
record SourceDataSidecar(String reader, Path path, Map<String, String> options) {

  /** The sidecar's file name suffix. */
  static final String SUFFIX = ".source-data.json";

  /** The sidecar of a model folder, if there is one. */
  static Optional<SourceDataSidecar> of(Path modelDir) {
    Path file = modelDir.resolveSibling(modelDir.getFileName() + SUFFIX);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), Map.class);
      Object reader = m.get("reader");
      Object path = m.get("path");
      if (!(reader instanceof String) || !(path instanceof String)) {
        throw new GraftException(
            GraftErrors.MALFORMED_FILE,
            file + " needs string fields 'reader' and 'path' (and optional 'options').");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> options =
          m.get("options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
      Map<String, String> strings = new java.util.LinkedHashMap<>();
      options.forEach((k, v) -> strings.put(k, String.valueOf(v)));
      return Optional.of(
          new SourceDataSidecar((String) reader, file.getParent().resolve((String) path), strings));
    } catch (IOException e) {
      throw new GraftException(GraftErrors.MALFORMED_FILE, "cannot read " + file + ": " + e, e);
    }
  }

  /** Reads the data with the registry's reader of that id. */
  Dataset<?> read(ExtensionRegistry registry) {
    return registry
        .require(DatasetReader.class, reader)
        .read(path, new ReadOptions(BadInputPolicy.FAIL, 0, options))
        .dataset();
  }
}
