package dev.graft.sdk.store;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkExport;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained network into a model store folder with a modality input spec in its manifest:
 * {@link NetworkExport} adds the modality's entries (its {@code kind}, e.g. {@code image} with size
 * and normalisation, {@code text} with the tokeniser) to the input spec it writes, exports next to
 * the target and replaces an earlier model of that name only once the new one is complete.
 */
public final class ModelStoreWriter {

  private ModelStoreWriter() {}

  /**
   * Exports the model.
   *
   * @param model the trained network (not closed)
   * @param labels class names in output order
   * @param inputSpec the modality input spec entries (with {@code kind})
   * @param provenance provenance entries
   * @param target the model folder, e.g. {@code ~/.graft/models/glyphs-digits}
   * @return the manifest as written
   * @throws GraftException GRAFT-IO-002 if the folder cannot be written
   */
  public static ModelManifest write(
      GraphModel model,
      List<String> labels,
      Map<String, Object> inputSpec,
      Map<String, ?> provenance,
      Path target) {
    Path dir = target.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir.getParent());
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot create the model store folder "
              + dir.getParent()
              + ": "
              + e
              + ". Check permissions, or pass --store DIR.",
          e);
    }
    return NetworkExport.of(model)
        .labels(labels)
        .provenance(provenance)
        .inputSpec(inputSpec)
        .exportTo(dir);
  }
}
