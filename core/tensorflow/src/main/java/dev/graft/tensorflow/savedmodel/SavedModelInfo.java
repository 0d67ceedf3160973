package dev.graft.tensorflow.savedmodel;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a SavedModel directory holds: its meta graphs (one per tag set) and their signatures.
 *
 * @param directory the SavedModel directory
 * @param metaGraphs the meta graphs in file order, never empty
 */
public record SavedModelInfo(Path directory, List<MetaGraphInfo> metaGraphs) {

  /** The tag TensorFlow uses for serving graphs. */
  public static final String SERVE_TAG = "serve";

  /** Copies the list. */
  public SavedModelInfo {
    metaGraphs = List.copyOf(metaGraphs);
  }

  /**
   * Selects a meta graph by its exact tag set.
   *
   * @param tags the tags; empty selects the only meta graph, or the one tagged {@code serve}
   * @return the meta graph
   * @throws GraftException {@code GRAFT-MODEL-001} listing the available tag sets if none matches
   */
  public MetaGraphInfo metaGraph(Set<String> tags) {
    if (tags.isEmpty()) {
      if (metaGraphs.size() == 1) {
        return metaGraphs.get(0);
      }
      return metaGraph(Set.of(SERVE_TAG));
    }
    for (MetaGraphInfo graph : metaGraphs) {
      if (new HashSet<>(graph.tags()).equals(tags)) {
        return graph;
      }
    }
    throw new GraftException(
        GraftErrors.MODEL_INVALID,
        "SavedModel "
            + directory
            + " has no meta graph tagged "
            + tags
            + "; available tag sets: "
            + metaGraphs.stream().map(MetaGraphInfo::tags).toList()
            + ". Pass one of these with --tags.");
  }
}
