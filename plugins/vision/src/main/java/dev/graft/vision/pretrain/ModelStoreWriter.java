package dev.graft.vision.pretrain;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
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
 * Writes a trained network into a model store folder with the vision input spec in its manifest.
 * {@link NetworkExport} writes the SavedModel and the network's own input entries (shape, dtype,
 * outputs, features) into a hidden staging folder next to the target; the image entries ({@code
 * kind: image}, size, normalisation, augmentation) are added to the manifest's {@code inputSpec}
 * there (the manifest is not part of its own file digests); only then is the folder moved onto the
 * target, replacing an earlier model of that name. A failure leaves the earlier model as it was and
 * removes the staging folder.
 */
final class ModelStoreWriter {

  private ModelStoreWriter() {}

  /**
   * Exports the model.
   *
   * @param model the trained network (not closed)
   * @param labels class names in output order
   * @param imageSpec the image input spec entries (with {@code kind})
   * @param provenance provenance entries
   * @param target the model folder, e.g. {@code ~/.graft/models/glyphs-digits}
   * @return the manifest as written
   * @throws GraftException GRAFT-IO-002 if the folder cannot be written
   */
  static ModelManifest write(
      GraphModel model,
      List<String> labels,
      Map<String, Object> imageSpec,
      Map<String, ?> provenance,
      Path target) {
    Path dir = target.toAbsolutePath().normalize();
    Path parent = dir.getParent();
    String stamp = Long.toHexString(System.nanoTime());
    Path staging = parent.resolve("." + dir.getFileName() + ".staging-" + stamp);
    Path old = parent.resolve("." + dir.getFileName() + ".old-" + stamp);
    try {
      Files.createDirectories(parent);
      ModelManifest written =
          NetworkExport.of(model).labels(labels).provenance(provenance).exportTo(staging);
      Map<String, Object> input = new LinkedHashMap<>();
      if (written.inputSpec() instanceof Map<?, ?> own) {
        own.forEach((k, v) -> input.put(k.toString(), v));
      }
      imageSpec.forEach(input::putIfAbsent);
      ModelManifest complete =
          new ModelManifest(
              written.formatVersion(),
              written.tags(),
              written.signatures(),
              input,
              written.labels(),
              written.provenance(),
              written.files());
      complete.writeTo(staging);
      replace(staging, dir, old);
      return complete;
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
          "cannot write the model to "
              + dir
              + ": "
              + e
              + ". Check free space and permissions, or pass --store DIR; an earlier model of that"
              + " name is unchanged.",
          e);
    }
  }

  private static void replace(Path staging, Path dir, Path old) throws IOException {
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
}
