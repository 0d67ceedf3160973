package dev.graft.recommender;

import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RatingScale;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated data for tests. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * Explicit ratings from a rank-{@code rank} model plus noise, rounded onto 1..5: every user rates
   * {@code perUser} random items.
   */
  public static Interactions lowRankRatings(
      int users, int items, int rank, int perUser, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] p = new double[users][rank];
    double[][] q = new double[items][rank];
    double[] bi = new double[items];
    for (double[] row : p) {
      for (int k = 0; k < rank; k++) {
        row[k] = gauss(r);
      }
    }
    for (int i = 0; i < items; i++) {
      for (int k = 0; k < rank; k++) {
        q[i][k] = gauss(r);
      }
      bi[i] = 0.5 * gauss(r);
    }
    List<String> itemIds = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      itemIds.add(Integer.toString(i + 1));
    }
    List<String> userIds = new ArrayList<>();
    int n = users * perUser;
    int[] u = new int[n];
    int[] it = new int[n];
    float[] v = new float[n];
    long[] t = new long[n];
    int row = 0;
    for (int a = 0; a < users; a++) {
      userIds.add(Integer.toString(a + 1));
      boolean[] used = new boolean[items];
      for (int k = 0; k < perUser; k++) {
        int i;
        do {
          i = r.nextInt(items);
        } while (used[i]);
        used[i] = true;
        double dot = 0;
        for (int j = 0; j < rank; j++) {
          dot += p[a][j] * q[i][j];
        }
        double rating = 3 + 0.8 * dot / Math.sqrt(rank) + bi[i] + noise * gauss(r);
        u[row] = a;
        it[row] = i;
        v[row] = (float) Math.max(1, Math.min(5, Math.round(rating)));
        t[row] = 1000L * a + k;
        row++;
      }
    }
    Catalog c = new Catalog(itemIds, Feedback.EXPLICIT, RatingScale.MOVIELENS_100K, null);
    return Interactions.of(c, userIds, u, it, v, t);
  }

  private static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(Math.max(1e-300, r.nextDouble())))
        * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
