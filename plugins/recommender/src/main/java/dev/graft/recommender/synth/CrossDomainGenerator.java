package dev.graft.recommender.synth;

import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.ItemContent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates two recommendation domains with known structure.
 *
 * <p>Every user {@code u} has a latent taste {@code z_u ~ N(0, I_d)} shared by both domains. Each
 * domain has its own item factors {@code v_i ~ N(0, I_d)} and a Zipf popularity bias {@code b_i =
 * -skew * ln(rank_i)} over a random item order. A user's affinity for an item is {@code a_ui =
 * signal * z_u.v_i / sqrt(d) + b_i + noise * e_ui} ({@code e} standard normal); the user's
 * interactions are the top-{@code n_u} items by {@code a_ui + g_ui} with Gumbel noise {@code g}
 * (sampling without replacement from {@code softmax(a_u)}), in a random time order. Interaction
 * counts are geometric around the configured means (at least 2); cold target users get {@code 1 +
 * uniform(1..coldMax)}. Item content, when asked, is {@code A v_i + contentNoise * e} with one map
 * {@code A} for both domains, so a content tower learned on the source carries over.
 *
 * <p>Deterministic for a given configuration (seeded {@link SplittableRandom}).
 */
public final class CrossDomainGenerator {

  private CrossDomainGenerator() {}

  /**
   * Generates the two domains.
   *
   * @param config what to generate
   * @return the data and the truth
   */
  public static CrossDomainData generate(CrossDomainConfig config) {
    SplittableRandom root = new SplittableRandom(config.seed());
    int d = config.dimension();
    int shared = (int) Math.round(config.targetUsers() * config.overlap());
    int totalUsers = config.targetUsers() + config.sourceOnlyUsers();
    double[][] tastes = gaussian(root.split(), totalUsers, d);
    // target users are u0..u(T-1); the first `shared` of them (after a shuffle) are source users
    // too
    int[] targetOrder = permutation(root.split(), config.targetUsers());
    Set<String> sharedIds = new HashSet<>();
    List<Integer> sourceUsers = new ArrayList<>();
    for (int k = 0; k < shared; k++) {
      sharedIds.add("u" + targetOrder[k]);
      sourceUsers.add(targetOrder[k]);
    }
    for (int u = config.targetUsers(); u < totalUsers; u++) {
      sourceUsers.add(u);
    }
    double[][] content = gaussian(root.split(), config.contentWidth(), d);
    SplittableRandom sourceRandom = root.split();
    SplittableRandom targetRandom = root.split();
    SplittableRandom coldRandom = root.split();
    Set<String> coldIds = new HashSet<>();
    int[] targetCounts = new int[config.targetUsers()];
    int[] coldOrder = permutation(coldRandom, config.targetUsers());
    int cold = (int) Math.round(config.targetUsers() * config.coldFraction());
    boolean[] isCold = new boolean[config.targetUsers()];
    for (int k = 0; k < cold; k++) {
      isCold[coldOrder[k]] = true;
      coldIds.add("u" + coldOrder[k]);
    }
    for (int u = 0; u < config.targetUsers(); u++) {
      targetCounts[u] =
          isCold[u]
              ? 1 + 1 + coldRandom.nextInt(config.coldMax())
              : Math.max(config.coldMax() + 2, geometric(coldRandom, config.targetInteractions()));
      targetCounts[u] = Math.min(targetCounts[u], config.targetItems() - 1);
    }
    List<Integer> targetUsers = new ArrayList<>();
    for (int u = 0; u < config.targetUsers(); u++) {
      targetUsers.add(u);
    }
    int[] sourceCounts = new int[sourceUsers.size()];
    for (int k = 0; k < sourceCounts.length; k++) {
      sourceCounts[k] =
          Math.min(
              config.sourceItems() - 1,
              Math.max(2, geometric(sourceRandom, config.sourceInteractions())));
    }
    Interactions source =
        domain(
            config,
            "s",
            sourceUsers,
            sourceCounts,
            tastes,
            content,
            config.sourceItems(),
            sourceRandom);
    Interactions target =
        domain(
            config,
            "t",
            targetUsers,
            targetCounts,
            tastes,
            content,
            config.targetItems(),
            targetRandom);
    return new CrossDomainData(source, target, Set.copyOf(sharedIds), Set.copyOf(coldIds), tastes);
  }

  private static Interactions domain(
      CrossDomainConfig c,
      String prefix,
      List<Integer> users,
      int[] counts,
      double[][] tastes,
      double[][] contentMap,
      int items,
      SplittableRandom random) {
    int d = c.dimension();
    double[][] factors = gaussian(random.split(), items, d);
    int[] popularityOrder = permutation(random.split(), items);
    double[] bias = new double[items];
    for (int r = 0; r < items; r++) {
      bias[popularityOrder[r]] = -c.popularitySkew() * Math.log(r + 1.0);
    }
    List<String> itemIds = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      itemIds.add(prefix + i);
    }
    ItemContent content = null;
    if (c.contentWidth() > 0) {
      SplittableRandom cr = random.split();
      float[] values = new float[items * c.contentWidth()];
      List<String> names = new ArrayList<>();
      for (int k = 0; k < c.contentWidth(); k++) {
        names.add("content:" + k);
      }
      for (int i = 0; i < items; i++) {
        for (int k = 0; k < c.contentWidth(); k++) {
          double s = 0;
          for (int j = 0; j < d; j++) {
            s += contentMap[k][j] * factors[i][j];
          }
          values[i * c.contentWidth() + k] =
              (float) (s / Math.sqrt(d) + c.contentNoise() * normal(cr));
        }
      }
      content = new ItemContent(names, values);
    }
    Catalog catalog = new Catalog(itemIds, Feedback.IMPLICIT, null, content);
    int total = Arrays.stream(counts).sum();
    int[] u = new int[total];
    int[] it = new int[total];
    float[] v = new float[total];
    long[] t = new long[total];
    List<String> userIds = new ArrayList<>();
    double scale = c.signal() / Math.sqrt(d);
    int row = 0;
    double[] key = new double[items];
    Integer[] order = new Integer[items];
    for (int k = 0; k < users.size(); k++) {
      int user = users.get(k);
      userIds.add("u" + user);
      double[] z = tastes[user];
      for (int i = 0; i < items; i++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += z[j] * factors[i][j];
        }
        double gumbel = -Math.log(-Math.log(Math.max(1e-300, random.nextDouble())));
        key[i] = scale * dot + bias[i] + c.noise() * normal(random) + gumbel;
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
      long time = 1_000_000L + random.nextInt(1_000_000);
      int[] chosen = new int[counts[k]];
      for (int n = 0; n < counts[k]; n++) {
        chosen[n] = order[n];
      }
      // the choice set is drawn by affinity; its time order is random
      int[] perm = permutation(random, chosen.length);
      for (int n = 0; n < chosen.length; n++) {
        u[row] = k;
        it[row] = chosen[perm[n]];
        v[row] = 1f;
        time += 1 + random.nextInt(86_400);
        t[row] = time;
        row++;
      }
    }
    return Interactions.of(catalog, userIds, u, it, v, t);
  }

  private static double[][] gaussian(SplittableRandom r, int rows, int cols) {
    double[][] out = new double[rows][cols];
    for (double[] row : out) {
      for (int j = 0; j < cols; j++) {
        row[j] = normal(r);
      }
    }
    return out;
  }

  private static double normal(SplittableRandom r) {
    double u1 = Math.max(1e-300, r.nextDouble());
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static int geometric(SplittableRandom r, double mean) {
    double p = 1.0 / mean;
    double uniform = Math.max(1e-12, r.nextDouble());
    return 1 + (int) Math.floor(Math.log(uniform) / Math.log(1 - p));
  }

  private static int[] permutation(SplittableRandom r, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
