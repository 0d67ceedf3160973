package dev.graft.api.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.provenance.Provenance;
import java.nio.file.Path;

/**
 * A model a strategy produced for the target. Owns native resources; {@link #predict} is safe to
 * call from several threads.
 */
public interface TrainedModel extends AutoCloseable {

  /**
   * Predicts for target examples.
   *
   * @param data examples of the target's type
   * @return predictions, one row per example
   */
  Predictions predict(Dataset<?> data);

  /**
   * Exports the model (SavedModel + {@code graft-model.json}) atomically into {@code dir}: written
   * next to it, then moved into place, so an existing export is never half-overwritten.
   *
   * @param dir the target folder (must not exist, or is replaced as a whole)
   */
  void export(Path dir);

  /**
   * How it was made.
   *
   * @return the provenance
   */
  Provenance provenance();

  /** Releases native resources. Idempotent. */
  @Override
  void close();
}
