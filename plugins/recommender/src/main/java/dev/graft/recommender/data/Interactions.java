package dev.graft.recommender.data;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A columnar table of user-item interactions: row {@code r} says user {@link #user(int)} gave item
 * {@link #item(int)} the value {@link #value(int)} at time {@link #timestamp(int)}. User indices
 * refer to {@link #userIds()}, item indices to the {@link #catalog()}. Immutable; the arrays are
 * not copied on construction, so callers hand over ownership.
 */
public final class Interactions {

  private final Catalog catalog;
  private final List<String> userIds;
  private final int[] users;
  private final int[] items;
  private final float[] values;
  private final long[] timestamps;

  private Interactions(
      Catalog catalog,
      List<String> userIds,
      int[] users,
      int[] items,
      float[] values,
      long[] timestamps) {
    this.catalog = catalog;
    this.userIds = userIds;
    this.users = users;
    this.items = items;
    this.values = values;
    this.timestamps = timestamps;
  }

  /**
   * Creates a table, checking that every index is in range.
   *
   * @param catalog the items
   * @param userIds external user ids, by user index
   * @param users user index per row
   * @param items item index per row
   * @param values value per row
   * @param timestamps time per row
   * @return the table
   * @throws InvalidInputException REC-DATA-001 if lengths differ or an index is out of range
   */
  public static Interactions of(
      Catalog catalog,
      List<String> userIds,
      int[] users,
      int[] items,
      float[] values,
      long[] timestamps) {
    int n = users.length;
    if (items.length != n || values.length != n || timestamps.length != n) {
      throw new InvalidInputException(
          RecommenderErrors.NOT_INTERACTION_DATA,
          "interaction columns differ in length: users "
              + n
              + ", items "
              + items.length
              + ", values "
              + values.length
              + ", timestamps "
              + timestamps.length
              + ".");
    }
    for (int r = 0; r < n; r++) {
      if (users[r] < 0
          || users[r] >= userIds.size()
          || items[r] < 0
          || items[r] >= catalog.size()) {
        throw new InvalidInputException(
            RecommenderErrors.NOT_INTERACTION_DATA,
            "interaction row "
                + r
                + " refers to user "
                + users[r]
                + " / item "
                + items[r]
                + " outside "
                + userIds.size()
                + " users / "
                + catalog.size()
                + " items.");
      }
    }
    return new Interactions(
        catalog,
        Collections.unmodifiableList(new ArrayList<>(userIds)),
        users,
        items,
        values,
        timestamps);
  }

  /**
   * Number of rows.
   *
   * @return the count
   */
  public int size() {
    return users.length;
  }

  /**
   * Number of users in the id space (some may have no rows in this table).
   *
   * @return the count
   */
  public int numUsers() {
    return userIds.size();
  }

  /**
   * Number of items in the catalogue.
   *
   * @return the count
   */
  public int numItems() {
    return catalog.size();
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
   * External user ids, by index.
   *
   * @return the ids
   */
  public List<String> userIds() {
    return userIds;
  }

  /**
   * The user of a row.
   *
   * @param row the row
   * @return the user index
   */
  public int user(int row) {
    return users[row];
  }

  /**
   * The item of a row.
   *
   * @param row the row
   * @return the item index
   */
  public int item(int row) {
    return items[row];
  }

  /**
   * The value of a row.
   *
   * @param row the row
   * @return the rating or 1
   */
  public float value(int row) {
    return values[row];
  }

  /**
   * The time of a row.
   *
   * @param row the row
   * @return the timestamp
   */
  public long timestamp(int row) {
    return timestamps[row];
  }

  /**
   * The rows at the given positions, with the same user and item id spaces.
   *
   * @param rows row positions, in the order wanted
   * @return the selected table
   */
  public Interactions select(int[] rows) {
    int[] u = new int[rows.length];
    int[] i = new int[rows.length];
    float[] v = new float[rows.length];
    long[] t = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      u[k] = users[rows[k]];
      i[k] = items[rows[k]];
      v[k] = values[rows[k]];
      t[k] = timestamps[rows[k]];
    }
    return new Interactions(catalog, userIds, u, i, v, t);
  }

  /**
   * Rows per user.
   *
   * @return interactions per user index
   */
  public int[] userCounts() {
    int[] c = new int[numUsers()];
    for (int u : users) {
      c[u]++;
    }
    return c;
  }

  /**
   * Rows per item.
   *
   * @return interactions per item index
   */
  public int[] itemCounts() {
    int[] c = new int[numItems()];
    for (int i : items) {
      c[i]++;
    }
    return c;
  }

  /**
   * Each user's rows in time order (ties by row order).
   *
   * @return row indices per user index
   */
  public int[][] rowsByUser() {
    int[] counts = userCounts();
    int[][] out = new int[numUsers()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = new int[counts[u]];
    }
    int[] fill = new int[numUsers()];
    for (int r = 0; r < users.length; r++) {
      out[users[r]][fill[users[r]]++] = r;
    }
    for (int[] rows : out) {
      if (rows.length > 1) {
        Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
        Arrays.sort(
            boxed,
            (a, b) -> {
              int byTime = Long.compare(timestamps[a], timestamps[b]);
              return byTime != 0 ? byTime : Integer.compare(a, b);
            });
        for (int k = 0; k < rows.length; k++) {
          rows[k] = boxed[k];
        }
      }
    }
    return out;
  }

  /**
   * The same rows with users and items that have no rows removed and the rest re-indexed (in their
   * old order).
   *
   * @return the compacted table
   */
  public Interactions compact() {
    int[] uc = userCounts();
    int[] ic = itemCounts();
    int[] newUser = new int[uc.length];
    List<String> ids = new ArrayList<>();
    for (int u = 0; u < uc.length; u++) {
      newUser[u] = uc[u] > 0 ? ids.size() : -1;
      if (uc[u] > 0) {
        ids.add(userIds.get(u));
      }
    }
    int[] newItem = new int[ic.length];
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < ic.length; i++) {
      newItem[i] = ic[i] > 0 ? keep.size() : -1;
      if (ic[i] > 0) {
        keep.add(i);
      }
    }
    int[] u = new int[size()];
    int[] it = new int[size()];
    for (int r = 0; r < size(); r++) {
      u[r] = newUser[users[r]];
      it[r] = newItem[items[r]];
    }
    Catalog c =
        keep.size() == catalog.size()
            ? catalog
            : catalog.select(keep.stream().mapToInt(Integer::intValue).toArray());
    return new Interactions(
        c, Collections.unmodifiableList(ids), u, it, values.clone(), timestamps.clone());
  }

  /**
   * Index of each external user id.
   *
   * @return id to index
   */
  public Map<String, Integer> userIndex() {
    Map<String, Integer> m = new HashMap<>(userIds.size() * 2);
    for (int u = 0; u < userIds.size(); u++) {
      m.put(userIds.get(u), u);
    }
    return m;
  }
}
