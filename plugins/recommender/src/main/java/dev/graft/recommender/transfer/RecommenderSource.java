package dev.graft.recommender.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.model.FactorModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A source-domain recommender model as a transfer {@link Source}. Its features for a recommender
 * data set are, per user, the source user embedding followed by one indicator column: 1 if the user
 * is known to the source, 0 (with a zero embedding) otherwise. Estimators rank sources on these
 * features; {@link EmcdrStrategy} maps them into the target space. Pure Java; nothing to release.
 */
public final class RecommenderSource implements Source {

  private final SourceDescriptor descriptor;
  private final FactorModel model;
  private final Path directory;

  /**
   * Creates the source.
   *
   * @param descriptor what it is
   * @param model the source model
   * @param directory the model folder, or null for an in-memory model
   */
  public RecommenderSource(SourceDescriptor descriptor, FactorModel model, Path directory) {
    this.descriptor = descriptor;
    this.model = model;
    this.directory = directory;
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  /**
   * The source model.
   *
   * @return the factors
   */
  public FactorModel model() {
    return model;
  }

  @Override
  public FeatureMatrix features(Dataset<?> data) {
    List<UserHistory> users = RecommenderData.histories(data);
    int d = model.dimension();
    double[] out = new double[users.size() * (d + 1)];
    for (int r = 0; r < users.size(); r++) {
      int u = model.userIndex(users.get(r).userId());
      if (u >= 0) {
        float[] v = model.userVector(u);
        for (int k = 0; k < d; k++) {
          out[r * (d + 1) + k] = v[k];
        }
        out[r * (d + 1) + d] = 1;
      }
    }
    return FeatureMatrix.wrap(users.size(), d + 1, out);
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
    return Optional.empty();
  }

  @Override
  public Optional<Path> modelDirectory() {
    return Optional.ofNullable(directory);
  }

  @Override
  public void close() {
    // nothing to release
  }
}
