package dev.graft.engine.strategy;

import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkExport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a trained network as a Graft model whose manifest also carries the modality's input spec
 * (its {@code kind}, preprocessing…) so that the model store can reopen it. The export is atomic
 * ({@link NetworkExport} writes aside, verifies, then moves into place), so an existing export is
 * never half-overwritten.
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
    NetworkExport.of(model)
        .labels(labels)
        .inputSpec(inputSpec)
        .provenance(provenance)
        .exportTo(target.toAbsolutePath().normalize());
  }

  /** The provenance's values as manifest provenance entries. */
  static Map<String, Object> provenanceEntries(dev.graft.api.provenance.Provenance provenance) {
    return new LinkedHashMap<>(provenance.values());
  }
}
