package dev.graft.recommender.transfer;

import dev.graft.recommender.model.FactorModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Source-domain user embeddings by external user id: what a cross-domain transfer takes from the
 * source. Immutable.
 */
public final class UserEmbeddings {

  private final int dimension;
  private final Map<String, float[]> byUser;

  /**
   * Creates the table.
   *
   * @param dimension embedding width
   * @param byUser embedding per user id (copied)
   */
  public UserEmbeddings(int dimension, Map<String, float[]> byUser) {
    this.dimension = dimension;
    this.byUser = new HashMap<>();
    byUser.forEach((k, v) -> this.byUser.put(k, v.clone()));
  }

  /**
   * The user embeddings of a trained model.
   *
   * @param model the source model
   * @return its users' embeddings
   */
  public static UserEmbeddings of(FactorModel model) {
    Map<String, float[]> m = new HashMap<>();
    for (int u = 0; u < model.userIds().size(); u++) {
      m.put(model.userIds().get(u), model.userVector(u));
    }
    return new UserEmbeddings(model.dimension(), m);
  }

  /**
   * Embedding width.
   *
   * @return the dimension
   */
  public int dimension() {
    return dimension;
  }

  /**
   * Number of users.
   *
   * @return the count
   */
  public int size() {
    return byUser.size();
  }

  /**
   * One user's embedding.
   *
   * @param userId the id
   * @return a copy of the embedding, if the user is known
   */
  public Optional<float[]> get(String userId) {
    float[] v = byUser.get(userId);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }
}
