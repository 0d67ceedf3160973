package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import java.util.Map;
import java.util.Optional;

/** A frozen test source whose features are the vectors themselves, with optional labelled data. */
final class VectorSource implements Source {

  private final Dataset<float[]> labelled;

  VectorSource(Dataset<float[]> labelled) {
    this.labelled = labelled;
  }

  @Override
  public SourceDescriptor descriptor() {
    return new SourceDescriptor(
        "vectors",
        "test",
        SourceKind.MODEL_AND_DATA,
        Modality.TABULAR,
        "memory",
        Map.of("digest", "d"));
  }

  @Override
  public FeatureMatrix features(Dataset<?> data) {
    int d = ((float[]) data.example(0)).length;
    double[] out = new double[data.size() * d];
    for (int i = 0; i < data.size(); i++) {
      float[] x = (float[]) data.example(i);
      for (int j = 0; j < d; j++) {
        out[i * d + j] = x[j];
      }
    }
    return FeatureMatrix.wrap(data.size(), d, out);
  }

  @Override
  public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
    return Optional.empty();
  }

  @Override
  public boolean trainable() {
    return false;
  }

  @Override
  public Optional<Dataset<?>> labelledData() {
    return Optional.ofNullable(labelled);
  }

  @Override
  public void close() {}
}
