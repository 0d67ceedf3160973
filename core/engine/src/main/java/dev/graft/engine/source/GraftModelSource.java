package dev.graft.engine.source;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Graft model opened as a trainable source: features from its {@code features} signature,
 * probabilities from the softmax of its {@code serving_default} logits when it is a softmax
 * classifier, on examples encoded by the encoder of its input kind. Owns two lazily opened DJL
 * runners. Thread-safe.
 */
final class GraftModelSource implements Source {

  private final java.util.function.Supplier<Optional<Dataset<?>>> sourceData;
  private Optional<Dataset<?>> labelled;

  private final SourceDescriptor descriptor;
  private final Path directory;
  private final EncodedSignatures model;

  GraftModelSource(
      SourceDescriptor descriptor,
      Path directory,
      ModelManifest manifest,
      InputEncoder encoder,
      DeviceConfig device,
      java.util.function.Supplier<Optional<Dataset<?>>> sourceData) {
    this.sourceData = sourceData;
    this.descriptor = descriptor;
    this.directory = directory;
    this.model =
        new EncodedSignatures(
            descriptor.id(),
            GraftModels.inputSpec(manifest, directory),
            encoder,
            new SignatureFunction(directory, "features", "input", "features", device),
            isSoftmaxClassifier(manifest)
                ? new SignatureFunction(directory, "serving_default", "input", "logits", device)
                : null,
            true);
  }

  static boolean isSoftmaxClassifier(ModelManifest manifest) {
    Object loss = manifest.provenance().get("loss");
    if (loss instanceof Map<?, ?> m && m.get("kind") != null) {
      return "softmax_cross_entropy".equals(m.get("kind").toString());
    }
    return !manifest.labels().isEmpty();
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
    return true;
  }

  @Override
  public synchronized Optional<Dataset<?>> labelledData() {
    if (labelled == null) {
      labelled = sourceData.get();
    }
    return labelled;
  }

  @Override
  public Optional<Path> modelDirectory() {
    return Optional.of(directory);
  }

  @Override
  public void close() {
    model.close();
  }
}
