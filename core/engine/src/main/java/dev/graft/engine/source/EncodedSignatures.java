package dev.graft.engine.source;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import java.util.Map;
import java.util.Optional;

/**
 * What a SavedModel-backed source does with a data set: encode its examples with the encoder of the
 * model's input kind, then run a features output and, optionally, a scores output (logits turned
 * into probabilities by a softmax, or probabilities as they are). Shared by {@link
 * GraftModelSource} and {@link ForeignModelSource}; owns both signature functions. Thread-safe.
 */
final class EncodedSignatures implements AutoCloseable {

  private final String sourceId;
  private final Map<String, Object> inputSpec;
  private final InputEncoder encoder;
  private final SignatureFunction features;
  private final SignatureFunction scores;
  private final boolean softmax;

  /**
   * Creates the functions.
   *
   * @param sourceId the source's id, named in errors
   * @param inputSpec the input spec the encoder follows
   * @param encoder the encoder of the input kind
   * @param features the features output
   * @param scores the logits or probabilities output, or null if the model has none
   * @param softmax whether {@code scores} are logits to turn into probabilities
   */
  EncodedSignatures(
      String sourceId,
      Map<String, Object> inputSpec,
      InputEncoder encoder,
      SignatureFunction features,
      SignatureFunction scores,
      boolean softmax) {
    this.sourceId = sourceId;
    this.inputSpec = Map.copyOf(inputSpec);
    this.encoder = encoder;
    this.features = features;
    this.scores = scores;
    this.softmax = softmax;
  }

  /** The features of every example, one row each. */
  FeatureMatrix features(Dataset<?> data) {
    EncodedInputs in = encode(data);
    SignatureFunction.Rows rows = features.apply(in);
    return FeatureMatrix.fromFloats(in.count(), rows.width(), rows.values());
  }

  /** The class probabilities of every example, or empty if there is no scores output. */
  Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
    if (scores == null) {
      return Optional.empty();
    }
    EncodedInputs in = encode(data);
    SignatureFunction.Rows rows = scores.apply(in);
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
              + sourceId
              + " needs examples.");
    }
    return encoder.encode(data, inputSpec, false, 0L);
  }

  @Override
  public void close() {
    try {
      features.close();
    } finally {
      if (scores != null) {
        scores.close();
      }
    }
  }
}
