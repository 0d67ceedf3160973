package dev.graft.recommender.scenario;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.ItemContent;
import dev.graft.recommender.eval.ActivityRankingEvaluator;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import dev.graft.recommender.transfer.LinearMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cold-start items: a fraction of the target's items is new (all their interactions are removed
 * from training and become the test), and each method must rank the new items for every user who
 * interacted with one, from the items' content alone. Candidates are the new items only (full set
 * of new items, the user's other items masked).
 *
 * <ul>
 *   <li>{@code target-tower}: a two-tower model with a content tower trained on the target's
 *       remaining items; new items are embedded by that tower;
 *   <li>{@code source-tower}: the content tower of a two-tower model trained on the source domain
 *       embeds the new items, and a ridge map fitted on the target's known items (source-tower
 *       embedding to target item embedding) carries them into the target's space.
 *   <li>{@code random}: scores drawn at random (new items have no popularity), the floor.
 * </ul>
 */
public final class ItemColdStartScenario {

  /** The methods, in report order. */
  public static final List<String> METHODS = List.of("random", "target-tower", "source-tower");

  private ItemColdStartScenario() {}

  /**
   * Runs one seed.
   *
   * @param data the data configuration (needs content; its seed is replaced)
   * @param model the two-tower configuration (a content tower is added; its seed is replaced)
   * @param newFraction fraction of target items that are new
   * @param seed the seed
   * @return metric name to value per method ({@code ndcg@10}, {@code hr@10}, {@code mrr})
   */
  public static Map<String, Map<String, Double>> run(
      CrossDomainConfig data, FactorConfig model, double newFraction, long seed) {
    CrossDomainData d = CrossDomainGenerator.generate(data.withSeed(seed));
    Interactions target = d.target();
    int items = target.numItems();
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    boolean[] isNew = new boolean[items];
    int newCount = 0;
    for (int i = 0; i < items; i++) {
      if (r.nextDouble() < newFraction) {
        isNew[i] = true;
        newCount++;
      }
    }
    List<Integer> trainRows = new ArrayList<>();
    List<Integer> testRows = new ArrayList<>();
    for (int row = 0; row < target.size(); row++) {
      (isNew[target.item(row)] ? testRows : trainRows).add(row);
    }
    Interactions train = target.select(trainRows.stream().mapToInt(Integer::intValue).toArray());
    Interactions test = target.select(testRows.stream().mapToInt(Integer::intValue).toArray());
    FactorConfig cfg = model.withSeed(seed).withContentTower(64, true);
    FactorModel t = FactorTrainer.train(train, cfg, null).model();
    FactorModel s = FactorTrainer.train(d.source(), cfg, null).model();
    ItemContent content = target.catalog().content().orElseThrow();
    float[] targetTower = t.embedNewItems(content);
    float[] sourceTower = s.embedNewItems(content);
    int dim = t.dimension();
    // fit source-tower -> target item space on the target's known items
    int[] known = new int[items - newCount];
    int k = 0;
    for (int i = 0; i < items; i++) {
      if (!isNew[i]) {
        known[k++] = i;
      }
    }
    float[] tv = t.itemVectors();
    float[] x = new float[known.length * dim];
    float[] y = new float[known.length * dim];
    for (int j = 0; j < known.length; j++) {
      System.arraycopy(sourceTower, known[j] * dim, x, j * dim, dim);
      System.arraycopy(tv, known[j] * dim, y, j * dim, dim);
    }
    LinearMapping g = LinearMapping.fit(x, y, known.length, 1.0);
    float[] mapped = new float[items * dim];
    for (int i = 0; i < items; i++) {
      float[] in = java.util.Arrays.copyOfRange(sourceTower, i * dim, (i + 1) * dim);
      System.arraycopy(g.apply(in), 0, mapped, i * dim, dim);
    }
    // users with at least one training interaction and one new-item interaction
    int[] trainCounts = train.userCounts();
    Map<Integer, Integer> rowOfUser = new LinkedHashMap<>();
    for (int row = 0; row < test.size(); row++) {
      int u = test.user(row);
      if (trainCounts[u] > 0) {
        rowOfUser.putIfAbsent(u, rowOfUser.size());
      }
    }
    int n = rowOfUser.size();
    double[] relevance = new double[n * items];
    for (int row = 0; row < test.size(); row++) {
      Integer e = rowOfUser.get(test.user(row));
      if (e != null) {
        relevance[e * items + test.item(row)] = 1;
      }
    }
    RegressionTargets truth = new RegressionTargets(FeatureMatrix.wrap(n, items, relevance));
    Map<String, float[]> itemVectors = new LinkedHashMap<>();
    itemVectors.put("target-tower", targetTower);
    itemVectors.put("source-tower", mapped);
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    ActivityRankingEvaluator evaluator = new ActivityRankingEvaluator(10, Integer.MAX_VALUE);
    SplittableRandom noise = new SplittableRandom(seed);
    for (String method : METHODS) {
      double[] scores = new double[n * items];
      for (Map.Entry<Integer, Integer> e : rowOfUser.entrySet()) {
        float[] p = t.userVector(e.getKey());
        int row = e.getValue();
        for (int i = 0; i < items; i++) {
          if (!isNew[i]) {
            scores[row * items + i] = Double.NEGATIVE_INFINITY;
          } else if (method.equals("random")) {
            scores[row * items + i] = noise.nextDouble();
          } else {
            float[] q = itemVectors.get(method);
            double dot = 0;
            for (int c = 0; c < dim; c++) {
              dot += p[c] * q[i * dim + c];
            }
            scores[row * items + i] = dot;
          }
        }
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (Metric m :
          evaluator.evaluate(Predictions.ofOutputs(FeatureMatrix.wrap(n, items, scores)), truth)) {
        if (!m.name().contains("/")) {
          values.put(m.name(), m.value());
        }
      }
      values.put("new-items", (double) newCount);
      values.put("users", (double) n);
      out.put(method, values);
    }
    return out;
  }
}
