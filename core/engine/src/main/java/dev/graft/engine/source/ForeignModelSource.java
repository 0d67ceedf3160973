package dev.graft.engine.source;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import java.util.Map;
import java.util.Optional;

/**
 * A foreign SavedModel opened as a frozen source: features (and optionally probabilities) from the
 * signature outputs its {@code graft-input.json} names, on examples encoded by the encoder of the
 * sidecar's input kind. Owns its lazily opened DJL runners. Thread-safe.
 */
final class ForeignModelSource implements Source {

  private final SourceDescriptor descriptor;
  private final EncodedSignatures model;

  ForeignModelSource(
      SourceDescriptor descriptor,
      Map<String, Object> inputSpec,
      InputEncoder encoder,
      SignatureFunction features,
      SignatureFunction probabilities,
      boolean softmax) {
    this.descriptor = descriptor;
    this.model =
        new EncodedSignatures(
            descriptor.id(), inputSpec, encoder, features, probabilities, softmax);
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public FeatureMatrix features(Dataset<?> data) {
    return model.features(data);
  }

  @Override
  public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
    return model.probabilities(data);
  }

  @Override
  public boolean trainable() {
    return false;
  }

  @Override
  public Optional<Dataset<?>> labelledData() {
    return Optional.empty();
  }

  @Override
  public void close() {
    model.close();
  }
}
