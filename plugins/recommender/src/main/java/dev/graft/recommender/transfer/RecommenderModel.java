package dev.graft.recommender.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.UserHistory;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link FactorModel} as the pipeline's {@link TrainedModel}: {@link #predict} returns the {@code
 * users x items} score matrix of a recommender data set with each user's history masked with {@code
 * -Infinity} (the ranking evaluators' contract, and never recommending what the user already has).
 * Users the model was not trained on are folded in from their history (ridge, see {@link
 * FactorModel#foldIn}). Holds no native resources; after {@link #close} it refuses to predict.
 */
public final class RecommenderModel implements TrainedModel {

  private static final double FOLD_IN_RIDGE = 1.0;

  private final FactorModel model;
  private final Provenance provenance;
  private final boolean maskHistory;
  private volatile boolean closed;

  /**
   * Wraps a model.
   *
   * @param model the factor model
   * @param provenance how it was made
   * @param maskHistory whether to mask each user's history (true for ranking; false to predict
   *     ratings of every cell)
   */
  public RecommenderModel(FactorModel model, Provenance provenance, boolean maskHistory) {
    this.model = model;
    this.provenance = provenance;
    this.maskHistory = maskHistory;
  }

  /**
   * The wrapped model.
   *
   * @return the factor model
   */
  public FactorModel factors() {
    return model;
  }

  @Override
  public Predictions predict(Dataset<?> data) {
    if (closed) {
      throw new IllegalStateException("this recommender model was closed; it cannot predict.");
    }
    List<UserHistory> users = dev.graft.recommender.data.RecommenderData.histories(data);
    int items = model.catalog().size();
    double[] out = new double[users.size() * items];
    if (!users.isEmpty()) {
      var catalog = users.get(0).catalog();
      if (catalog != model.catalog() && !catalog.itemIds().equals(model.catalog().itemIds())) {
        throw new InvalidInputException(
            RecommenderErrors.NOT_INTERACTION_DATA,
            "the users refer to a catalogue of "
                + catalog.size()
                + " items; the model ranks another catalogue of "
                + items
                + " items.");
      }
    }
    for (int r = 0; r < users.size(); r++) {
      UserHistory h = users.get(r);
      int u = model.userIndex(h.userId());
      float[] s =
          u >= 0
              ? model.scores(u)
              : model.scores(model.foldIn(h.items(), h.values(), null, FOLD_IN_RIDGE), 0f);
      for (int i = 0; i < items; i++) {
        out[r * items + i] = s[i];
      }
      if (maskHistory) {
        for (int i : h.items()) {
          out[r * items + i] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    return Predictions.ofOutputs(FeatureMatrix.wrap(users.size(), items, out));
  }

  @Override
  public void export(Path dir) {
    try {
      Path parent = dir.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staged = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
      FactorModels.write(model, staged, provenance);
      AtomicFiles.replaceDirectory(staged, dir);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot export the recommender model to " + dir + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    closed = true;
  }
}
