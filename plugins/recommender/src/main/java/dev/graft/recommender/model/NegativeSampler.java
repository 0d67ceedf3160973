package dev.graft.recommender.model;

import dev.graft.recommender.data.Interactions;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws negatives for implicit-feedback training: items uniformly at random that the user has not
 * interacted with (rejection sampling, at most 20 tries, after which the last draw is kept, which
 * only happens for users who interacted with almost everything). Deterministic for a seed.
 */
public final class NegativeSampler {

  private static final int TRIES = 20;

  private final int items;
  private final int[][] positives;
  private final SplittableRandom random;

  /**
   * Creates a sampler.
   *
   * @param data the training interactions (their items are each user's positives)
   * @param seed the seed
   */
  public NegativeSampler(Interactions data, long seed) {
    this.items = data.numItems();
    int[][] rows = data.rowsByUser();
    this.positives = new int[rows.length][];
    for (int u = 0; u < rows.length; u++) {
      int[] p = new int[rows[u].length];
      for (int k = 0; k < p.length; k++) {
        p[k] = data.item(rows[u][k]);
      }
      Arrays.sort(p);
      positives[u] = p;
    }
    this.random = new SplittableRandom(seed);
  }

  /**
   * One negative for a user.
   *
   * @param user the user index
   * @return an item index the user has (almost surely) not interacted with
   */
  public int sample(int user) {
    int j = random.nextInt(items);
    for (int t = 1; t < TRIES && Arrays.binarySearch(positives[user], j) >= 0; t++) {
      j = random.nextInt(items);
    }
    return j;
  }

  /**
   * Whether the user interacted with the item in the training data.
   *
   * @param user the user index
   * @param item the item index
   * @return true for a positive
   */
  public boolean isPositive(int user, int item) {
    return Arrays.binarySearch(positives[user], item) >= 0;
  }
}
