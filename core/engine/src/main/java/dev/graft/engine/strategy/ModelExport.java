package dev.graft.engine.strategy;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.engine.source.GraftModels;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkExport;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Exports a trained network as a Graft model whose manifest also carries the modality's input spec
 * (its {@code kind}, preprocessing…) so that the model store can reopen it. The SavedModel is
 * written into a hidden sibling folder, its manifest completed there, and only then moved onto the
 * target folder, so an existing export is never half-overwritten.
 */
final class ModelExport {

  private ModelExport() {}

  /**
   * Writes the model.
   *
   * @param model the network (not closed)
   * @param labels class names in output order
   * @param inputSpec the encoder's input spec entries to record (kind included); the network's own
   *     entries (shape, dtype, outputs, features) take precedence
   * @param provenance manifest provenance entries
   * @param target the model folder to create or replace
   */
  static void write(
      GraphModel model,
      List<String> labels,
      Map<String, Object> inputSpec,
      Map<String, ?> provenance,
      Path target) {
    Path dir = target.toAbsolutePath().normalize();
    Path parent = dir.getParent();
    String stamp = Long.toHexString(System.nanoTime());
    Path staging = parent.resolve("." + dir.getFileName() + ".export-" + stamp);
    Path old = parent.resolve("." + dir.getFileName() + ".old-" + stamp);
    try {
      Files.createDirectories(parent);
      ModelManifest written =
          NetworkExport.of(model).labels(labels).provenance(provenance).exportTo(staging);
      Map<String, Object> spec = GraftModels.inputSpec(written, staging);
      inputSpec.forEach(spec::putIfAbsent);
      new ModelManifest(
              written.formatVersion(),
              written.tags(),
              written.signatures(),
              spec,
              written.labels(),
              written.provenance(),
              written.files())
          .writeTo(staging);
      boolean replacing = Files.exists(dir);
      if (replacing) {
        Files.move(dir, old);
      }
      try {
        move(staging, dir);
      } catch (IOException e) {
        if (replacing) {
          Files.move(old, dir);
        }
        throw e;
      }
      if (replacing) {
        deleteTree(old);
      }
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(staging);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot export the model to "
              + dir
              + ": "
              + e
              + ". Check free space and permissions; a previous export there is unchanged.",
          e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The provenance's values as manifest provenance entries. */
  static Map<String, Object> provenanceEntries(dev.graft.api.provenance.Provenance provenance) {
    return new LinkedHashMap<>(provenance.values());
  }
}
