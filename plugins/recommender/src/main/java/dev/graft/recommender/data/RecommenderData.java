package dev.graft.recommender.data;

import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between {@link Interactions} tables and recommender {@link Dataset}s of {@link
 * UserHistory} examples.
 *
 * <p>A labelled recommender data set has one example per user (the training history) and, as
 * targets, the {@code users x items} relevance matrix of the held-out interactions: the rating for
 * explicit feedback, 1 for implicit, 0 where the user has no held-out interaction. This is the
 * input contract of the engine's {@code ranking} evaluator and of this plugin's evaluators.
 */
public final class RecommenderData {

  private RecommenderData() {}

  /**
   * One example per user with at least one training interaction; labelled with the held-out
   * relevance if {@code heldOut} is given.
   *
   * @param info where the data came from
   * @param train the training interactions
   * @param heldOut the held-out interactions (same id spaces), or null for an unlabelled set
   * @return the data set
   */
  public static Dataset<UserHistory> dataset(
      DatasetInfo info, Interactions train, Interactions heldOut) {
    int[][] byUser = train.rowsByUser();
    List<UserHistory> examples = new ArrayList<>();
    int[] exampleOfUser = new int[train.numUsers()];
    for (int u = 0; u < byUser.length; u++) {
      int[] rows = byUser[u];
      exampleOfUser[u] = rows.length == 0 ? -1 : examples.size();
      if (rows.length == 0) {
        continue;
      }
      int[] items = new int[rows.length];
      float[] values = new float[rows.length];
      long[] times = new long[rows.length];
      for (int k = 0; k < rows.length; k++) {
        items[k] = train.item(rows[k]);
        values[k] = train.value(rows[k]);
        times[k] = train.timestamp(rows[k]);
      }
      examples.add(new UserHistory(train.userIds().get(u), items, values, times, train.catalog()));
    }
    if (examples.isEmpty()) {
      throw new InvalidInputException(
          RecommenderErrors.NO_INTERACTIONS,
          "data set '" + info.name() + "' has no training interactions.");
    }
    if (heldOut == null) {
      return Dataset.unlabelled(info, examples);
    }
    int items = train.numItems();
    double[] relevance = new double[examples.size() * items];
    for (int r = 0; r < heldOut.size(); r++) {
      int e = exampleOfUser[heldOut.user(r)];
      if (e >= 0) {
        relevance[e * items + heldOut.item(r)] = heldOut.value(r);
      }
    }
    return Dataset.labelled(
        info,
        examples,
        new RegressionTargets(FeatureMatrix.wrap(examples.size(), items, relevance)));
  }

  /**
   * The users of a recommender data set.
   *
   * @param data a data set of {@link UserHistory} examples
   * @return the histories
   * @throws InvalidInputException REC-DATA-001 if an example is not a {@link UserHistory} or the
   *     examples use different catalogues
   */
  public static List<UserHistory> histories(Dataset<?> data) {
    List<UserHistory> out = new ArrayList<>(data.size());
    Catalog catalog = null;
    for (Object o : data.examples()) {
      if (!(o instanceof UserHistory h)) {
        throw new InvalidInputException(
            RecommenderErrors.NOT_INTERACTION_DATA,
            "data set '"
                + data.info().name()
                + "' holds "
                + (o == null ? "null" : o.getClass().getSimpleName())
                + " examples; recommender models need user histories from a recommender reader"
                + " (movielens-ratings, movielens-100k, interactions-csv).");
      }
      if (catalog != null && h.catalog() != catalog) {
        throw new InvalidInputException(
            RecommenderErrors.NOT_INTERACTION_DATA,
            "data set '" + data.info().name() + "' mixes users of different item catalogues.");
      }
      catalog = h.catalog();
      out.add(h);
    }
    return out;
  }

  /**
   * The interactions of several recommender data sets over one catalogue (e.g. the labelled
   * training users and the unlabelled test users of a run), users merged by id in first-seen order.
   *
   * @param parts data sets of {@link UserHistory} examples
   * @return the combined training interactions
   */
  public static Interactions interactions(List<Dataset<?>> parts) {
    Map<String, UserHistory> users = new LinkedHashMap<>();
    Catalog catalog = null;
    for (Dataset<?> part : parts) {
      for (UserHistory h : histories(part)) {
        if (catalog != null && h.catalog() != catalog) {
          throw new InvalidInputException(
              RecommenderErrors.NOT_INTERACTION_DATA,
              "data set '" + part.info().name() + "' uses another item catalogue.");
        }
        catalog = h.catalog();
        users.putIfAbsent(h.userId(), h);
      }
    }
    if (catalog == null) {
      throw new InvalidInputException(
          RecommenderErrors.NO_INTERACTIONS, "no user histories to train on.");
    }
    int n = users.values().stream().mapToInt(UserHistory::size).sum();
    int[] u = new int[n];
    int[] it = new int[n];
    float[] v = new float[n];
    long[] t = new long[n];
    List<String> ids = new ArrayList<>(users.keySet());
    int r = 0;
    int index = 0;
    for (UserHistory h : users.values()) {
      for (int k = 0; k < h.size(); k++, r++) {
        u[r] = index;
        it[r] = h.items()[k];
        v[r] = h.values()[k];
        t[r] = h.timestamps()[k];
      }
      index++;
    }
    return Interactions.of(catalog, ids, u, it, v, t);
  }
}
