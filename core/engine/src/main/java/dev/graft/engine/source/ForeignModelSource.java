package dev.graft.engine.source;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.source.EncodedInputs;
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
  private final Map<String, Object> inputSpec;
  private final InputEncoder encoder;
  private final SignatureFunction features;
  private final SignatureFunction probabilities;
  private final boolean softmax;

  ForeignModelSource(
      SourceDescriptor descriptor,
      Map<String, Object> inputSpec,
      InputEncoder encoder,
      SignatureFunction features,
      SignatureFunction probabilities,
      boolean softmax) {
    this.descriptor = descriptor;
    this.inputSpec = Map.copyOf(inputSpec);
    this.encoder = encoder;
    this.features = features;
    this.probabilities = probabilities;
    this.softmax = softmax;
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public FeatureMatrix features(Dataset<?> data) {
    EncodedInputs in = encode(data);
    SignatureFunction.Rows rows = features.apply(in);
    return FeatureMatrix.fromFloats(in.count(), rows.width(), rows.values());
  }

  @Override
  public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
    if (probabilities == null) {
      return Optional.empty();
    }
    EncodedInputs in = encode(data);
    SignatureFunction.Rows rows = probabilities.apply(in);
    if (softmax) {
      return Optional.of(Softmax.rows(rows.values(), in.count(), rows.width()));
    }
    return Optional.of(
        new ProbabilityMatrix(FeatureMatrix.fromFloats(in.count(), rows.width(), rows.values())));
  }

  private EncodedInputs encode(Dataset<?> data) {
    if (data.size() == 0) {
      throw new InvalidInputException(
          GraftErrors.EMPTY_INPUT,
          "data set '"
              + data.info().name()
              + "' is empty; source "
              + descriptor.id()
              + " needs examples.");
    }
    return encoder.encode(data, inputSpec, false, 0L);
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
    try {
      features.close();
    } finally {
      if (probabilities != null) {
        probabilities.close();
      }
    }
  }
}
