package dev.graft.recommender.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One user of a recommender data set and that user's (training) interactions in time order: the
 * example type of every recommender reader. The held-out (future) interactions of a split are not
 * here but in the data set's relevance targets, so a model never sees them.
 *
 * @param userId the external user id
 * @param items catalogue indices of the items, oldest first
 * @param values rating (explicit) or 1 (implicit) per interaction
 * @param timestamps seconds since the epoch (or any increasing clock) per interaction
 * @param catalog the catalogue the item indices refer to
 */
public record UserHistory(
    String userId, int[] items, float[] values, long[] timestamps, Catalog catalog) {

  /** Validates lengths. */
  public UserHistory {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(catalog, "catalog");
    if (items.length != values.length || items.length != timestamps.length) {
      throw new IllegalArgumentException(
          "user " + userId + ": items, values and timestamps differ in length");
    }
  }

  /**
   * Number of interactions.
   *
   * @return the count
   */
  public int size() {
    return items.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserHistory h
        && userId.equals(h.userId)
        && Arrays.equals(items, h.items)
        && Arrays.equals(values, h.values)
        && Arrays.equals(timestamps, h.timestamps)
        && catalog == h.catalog;
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, Arrays.hashCode(items), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "UserHistory[" + userId + ", " + items.length + " interactions]";
  }
}
