package dev.graft.api.source;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import java.util.Optional;

/**
 * An opened source: it can embed target examples into features and, if it has a classifier head,
 * predict source-class probabilities. Owns native resources (a loaded model), so it is {@link
 * AutoCloseable}; the pipeline closes it when the job ends.
 *
 * <p>Implementations must be safe for concurrent calls to {@link #features} and {@link
 * #probabilities}.
 */
public interface Source extends AutoCloseable {

  /**
   * What this source is.
   *
   * @return the descriptor it was opened from
   */
  SourceDescriptor descriptor();

  /**
   * Embeds examples with the source's feature extractor.
   *
   * @param data examples of the type this source's modality uses
   * @return one feature row per example
   */
  FeatureMatrix features(Dataset<?> data);

  /**
   * Source-class probabilities for examples, if the source has a classifier head.
   *
   * @param data the examples
   * @return one probability row per example, or empty
   */
  Optional<ProbabilityMatrix> probabilities(Dataset<?> data);

  /**
   * Whether the weights can be trained further (fine-tuning), as opposed to a frozen extractor.
   *
   * @return true if trainable
   */
  boolean trainable();

  /**
   * The labelled source data, for instance-based transfer.
   *
   * @return the data, or empty
   */
  Optional<Dataset<?>> labelledData();

  /**
   * The folder of the source's Graft model (SavedModel + {@code graft-model.json}), for sources the
   * host can rebuild and train (fine-tuning, scratch baselines with the same architecture).
   *
   * @return the model folder, or empty for frozen foreign models and data-only sources
   */
  default Optional<java.nio.file.Path> modelDirectory() {
    return Optional.empty();
  }

  /** Releases native resources. Idempotent. */
  @Override
  void close();
}
