package dev.graft.recommender.model;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.ItemContent;
import dev.graft.recommender.eval.TopK;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained factor model: user embeddings {@code p_u}, item embeddings {@code q_i} (id embedding
 * plus content tower), biases, and the score {@code s(u, i) = mu + b_u + b_i + p_u.q_i} (biases 0
 * where the objective does not learn them). Pure Java after training (no native resources),
 * immutable and thread-safe.
 */
public final class FactorModel {

  private final Objective objective;
  private final int dimension;
  private final List<String> userIds;
  private final Map<String, Integer> userIndex;
  private final Catalog catalog;
  private final float[] users;
  private final float[] userBias;
  private final float[] items;
  private final float[] itemBias;
  private final float globalBias;
  private final ContentTower tower;

  /**
   * Creates a model from learned arrays (ownership passes to the model).
   *
   * @param objective what it was trained for
   * @param dimension embedding dimension
   * @param userIds user ids by index
   * @param catalog the items
   * @param users {@code users x dimension}
   * @param userBias one per user (zeros if not learned)
   * @param items {@code items x dimension}, the full item embeddings
   * @param itemBias one per item
   * @param globalBias mu
   * @param tower the content tower, or null
   */
  public FactorModel(
      Objective objective,
      int dimension,
      List<String> userIds,
      Catalog catalog,
      float[] users,
      float[] userBias,
      float[] items,
      float[] itemBias,
      float globalBias,
      ContentTower tower) {
    if (users.length != userIds.size() * dimension
        || items.length != catalog.size() * dimension
        || userBias.length != userIds.size()
        || itemBias.length != catalog.size()) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL,
          "factor arrays do not match "
              + userIds.size()
              + " users, "
              + catalog.size()
              + " items and dimension "
              + dimension
              + ".");
    }
    this.objective = objective;
    this.dimension = dimension;
    this.userIds = List.copyOf(userIds);
    this.userIndex = new HashMap<>(userIds.size() * 2);
    for (int u = 0; u < userIds.size(); u++) {
      userIndex.put(userIds.get(u), u);
    }
    this.catalog = catalog;
    this.users = users;
    this.userBias = userBias;
    this.items = items;
    this.itemBias = itemBias;
    this.globalBias = globalBias;
    this.tower = tower;
  }

  /**
   * The training objective.
   *
   * @return the objective
   */
  public Objective objective() {
    return objective;
  }

  /**
   * Embedding dimension.
   *
   * @return d
   */
  public int dimension() {
    return dimension;
  }

  /**
   * User ids by index.
   *
   * @return the ids
   */
  public List<String> userIds() {
    return userIds;
  }

  /**
   * The index of a user id.
   *
   * @param userId the id
   * @return the index, or -1
   */
  public int userIndex(String userId) {
    Integer u = userIndex.get(userId);
    return u == null ? -1 : u;
  }

  /**
   * The items.
   *
   * @return the catalogue
   */
  public Catalog catalog() {
    return catalog;
  }

  /**
   * All user embeddings, row-major (a copy).
   *
   * @return {@code users x dimension}
   */
  public float[] userVectors() {
    return users.clone();
  }

  /**
   * All item embeddings, row-major (a copy).
   *
   * @return {@code items x dimension}
   */
  public float[] itemVectors() {
    return items.clone();
  }

  /**
   * Item biases (a copy).
   *
   * @return one per item
   */
  public float[] itemBiases() {
    return itemBias.clone();
  }

  /**
   * User biases (a copy; zeros for implicit models).
   *
   * @return one per user
   */
  public float[] userBiases() {
    return userBias.clone();
  }

  /**
   * The global bias mu (0 for implicit models).
   *
   * @return mu
   */
  public float globalBias() {
    return globalBias;
  }

  /**
   * One user's embedding (a copy).
   *
   * @param user the index
   * @return the embedding
   */
  public float[] userVector(int user) {
    return Arrays.copyOfRange(users, user * dimension, (user + 1) * dimension);
  }

  /**
   * The content tower, if the model has one.
   *
   * @return the tower
   */
  public Optional<ContentTower> tower() {
    return Optional.ofNullable(tower);
  }

  /**
   * Scores every item for a known user.
   *
   * @param user the user index
   * @return one score per item
   */
  public float[] scores(int user) {
    return scores(users, user * dimension, userBias[user]);
  }

  /**
   * Scores every item for a user embedding.
   *
   * @param vector the embedding
   * @param bias the user's bias (0 for implicit models)
   * @return one score per item
   */
  public float[] scores(float[] vector, float bias) {
    return scores(vector, 0, bias);
  }

  private float[] scores(float[] vectors, int offset, float bias) {
    int n = catalog.size();
    float[] out = new float[n];
    float base = globalBias + bias;
    for (int i = 0; i < n; i++) {
      float s = base + itemBias[i];
      int q = i * dimension;
      for (int k = 0; k < dimension; k++) {
        s += vectors[offset + k] * items[q + k];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * The {@code k} best items for a known user, skipping {@code seen}.
   *
   * @param user the user index
   * @param k how many
   * @param seen item indices not to recommend
   * @return item indices, best first
   */
  public int[] recommend(int user, int k, int[] seen) {
    return TopK.of(scores(user), k, seen);
  }

  /**
   * A model with other user embeddings (same users), e.g. after a cross-domain mapping.
   *
   * @param newUsers {@code users x dimension}
   * @return the new model
   */
  public FactorModel withUserVectors(float[] newUsers) {
    return new FactorModel(
        objective,
        dimension,
        userIds,
        catalog,
        newUsers,
        userBias,
        items,
        itemBias,
        globalBias,
        tower);
  }

  /**
   * Embeds items that were not in training from their content features, with the content tower
   * alone (cold-start items).
   *
   * @param content the new items' content (same feature columns as training)
   * @return {@code items x dimension} embeddings
   * @throws InvalidInputException REC-MODEL-001 if the model has no content tower or the width
   *     differs
   */
  public float[] embedNewItems(ItemContent content) {
    if (tower == null || tower.inputs() != content.width()) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL,
          tower == null
              ? "the model has no content tower; train it with a content tower to embed new items."
              : "new items have "
                  + content.width()
                  + " content features; the tower takes "
                  + tower.inputs()
                  + ".");
    }
    float[] out = new float[content.items() * dimension];
    for (int i = 0; i < content.items(); i++) {
      System.arraycopy(tower.apply(content.row(i)), 0, out, i * dimension, dimension);
    }
    return out;
  }

  /**
   * Folds in a user the model has not seen: the ridge solution for the user's embedding given the
   * fixed item embeddings. Ratings: {@code (Q_H'Q_H + l I) p = Q_H'(r - mu - b_i) + l p0}.
   * Implicit: interacted items target 1 and every item targets 0 with weight {@code 1/items}
   * (one-class weighting as in implicit ALS): {@code (Q_H'Q_H + Q'Q/n + l I) p = Q_H'(1 - b_i) + l
   * p0}.
   *
   * @param history interacted item indices
   * @param values their ratings (explicit) or anything (implicit)
   * @param prior prior embedding {@code p0}, or null for zero
   * @param lambda ridge strength, positive
   * @return the user's embedding
   */
  public float[] foldIn(int[] history, float[] values, float[] prior, double lambda) {
    int d = dimension;
    double[] a = new double[d * d];
    double[] b = new double[d];
    boolean implicit = objective != Objective.MSE;
    if (implicit) {
      int n = catalog.size();
      for (int i = 0; i < n; i++) {
        addOuter(a, i, 1.0 / n);
      }
    }
    for (int h = 0; h < history.length; h++) {
      int i = history[h];
      addOuter(a, i, 1.0);
      double target = implicit ? 1 - itemBias[i] : values[h] - globalBias - itemBias[i];
      for (int k = 0; k < d; k++) {
        b[k] += target * items[i * d + k];
      }
    }
    for (int k = 0; k < d; k++) {
      a[k * d + k] += lambda;
      if (prior != null) {
        b[k] += lambda * prior[k];
      }
    }
    double[] p = solve(a, b, d);
    float[] out = new float[d];
    for (int k = 0; k < d; k++) {
      out[k] = (float) p[k];
    }
    return out;
  }

  private void addOuter(double[] a, int item, double w) {
    int d = dimension;
    int q = item * d;
    for (int r = 0; r < d; r++) {
      double x = w * items[q + r];
      for (int c = 0; c < d; c++) {
        a[r * d + c] += x * items[q + c];
      }
    }
  }

  /** Solves a symmetric positive-definite system by Gaussian elimination with partial pivoting. */
  static double[] solve(double[] a, double[] b, int n) {
    double[] m = a.clone();
    double[] x = b.clone();
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r * n + c]) > Math.abs(m[pivot * n + c])) {
          pivot = r;
        }
      }
      if (pivot != c) {
        for (int k = 0; k < n; k++) {
          double t = m[c * n + k];
          m[c * n + k] = m[pivot * n + k];
          m[pivot * n + k] = t;
        }
        double t = x[c];
        x[c] = x[pivot];
        x[pivot] = t;
      }
      double diag = m[c * n + c];
      for (int r = c + 1; r < n; r++) {
        double f = m[r * n + c] / diag;
        if (f != 0) {
          for (int k = c; k < n; k++) {
            m[r * n + k] -= f * m[c * n + k];
          }
          x[r] -= f * x[c];
        }
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = x[r];
      for (int k = r + 1; k < n; k++) {
        s -= m[r * n + k] * x[k];
      }
      x[r] = s / m[r * n + r];
    }
    return x;
  }
}
