package dev.graft.recommender.bench;

import static dev.graft.recommender.bench.BenchSupport.fmt;
import static dev.graft.recommender.bench.BenchSupport.log;
import static dev.graft.recommender.bench.BenchSupport.meanCi;

import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.scenario.ItemColdStartScenario;
import dev.graft.recommender.synth.CrossDomainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cold-start items ({@link ItemColdStartScenario}): 20% of the target's items are new; rank them
 * from content for users who interacted with one. 5 seeds, 95% t-intervals.
 *
 * <pre>
 * mvn -o -f plugins/recommender/pom.xml test -Dtest=ItemColdStartBench -Dgraft.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
class ItemColdStartBench {

  @Test
  void coldStartItems() throws Exception {
    StringBuilder r = new StringBuilder();
    int seeds = Integer.getInteger("graft.bench.seeds", 5);
    CrossDomainConfig data = CrossDomainConfig.coldStartScenario(1);
    FactorConfig model =
        FactorConfig.twoTower(32, Objective.BPR, 0).withEpochs(40).withBatch(256, 4.0);
    log(r, "## Recommender: cold-start items (ItemColdStartBench)");
    log(r, "machine: " + BenchSupport.machine());
    log(
        r,
        "two-tower BPR d=32 + content tower 24 -> 64 -> 32, 40 epochs, Adagrad 4.0; 20% new items");
    List<Map<String, Map<String, Double>>> runs = new ArrayList<>();
    for (long seed = 1; seed <= seeds; seed++) {
      Map<String, Map<String, Double>> run = ItemColdStartScenario.run(data, model, 0.2, seed);
      runs.add(run);
      log(r, "seed " + seed + ": " + run);
    }
    log(r, "");
    log(r, "| method | ndcg@10 | hr@10 | mrr |");
    log(r, "|---|---|---|---|");
    for (String m : ItemColdStartScenario.METHODS) {
      StringBuilder line = new StringBuilder("| " + m + " |");
      for (String c : List.of("ndcg@10", "hr@10", "mrr")) {
        line.append(' ')
            .append(fmt(meanCi(runs.stream().mapToDouble(x -> x.get(m).get(c)).toArray())))
            .append(" |");
      }
      log(r, line.toString());
    }
    double[] ratio =
        runs.stream()
            .mapToDouble(
                x ->
                    x.get("source-tower").get("ndcg@10") / x.get("target-tower").get("ndcg@10") - 1)
            .toArray();
    double[] mci = meanCi(ratio);
    log(
        r,
        String.format(
            Locale.ROOT,
            "source-tower vs target-tower ndcg@10: %+.1f%% ± %.1f%% (paired)",
            100 * mci[0],
            100 * mci[1]));
    BenchSupport.write(r, "recommender-cold-items.md");
  }
}
