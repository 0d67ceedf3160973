package dev.graft.recommender.bench;

import static dev.graft.recommender.bench.BenchSupport.log;

import dev.graft.api.config.DeviceConfig;
import dev.graft.recommender.Fixtures;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModel;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Training throughput (interactions per second, CPU) of the factor models, and top-10 retrieval
 * latency over a 100,000-item catalogue (exact: score every item, heap top-k, history masked).
 *
 * <pre>
 * mvn -o -f plugins/recommender/pom.xml test -Dtest=ThroughputBench -Dgraft.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
class ThroughputBench {

  @Test
  void trainingThroughputAndRetrievalLatency() throws Exception {
    StringBuilder r = new StringBuilder();
    log(r, "## Recommender: throughput (ThroughputBench)");
    log(r, "machine: " + BenchSupport.machine());
    Interactions implicit =
        CrossDomainGenerator.generate(
                new CrossDomainConfig(
                    5000, 0.5, 100, 100, 5000, 16, 30, 20, 0.0, 3, 3, 0.5, 0.8, 24, 0.3, 1))
            .target();
    Interactions ratings = Fixtures.lowRankRatings(5000, 5000, 8, 20, 0.3, 1);
    log(
        r,
        "implicit data: "
            + implicit.size()
            + " interactions, "
            + implicit.numUsers()
            + " users, "
            + implicit.numItems()
            + " items; ratings: "
            + ratings.size()
            + " interactions");
    log(r, "");
    log(r, "| model | d | batch | epochs | TF threads | interactions/s |");
    log(r, "|---|---|---|---|---|---|");
    record(r, "biased MF (MSE)", ratings, FactorConfig.biasedMf(32, 1), 256);
    record(r, "biased MF (MSE)", ratings, FactorConfig.biasedMf(32, 1), 1024);
    record(
        r,
        "two-tower BPR, 4 negatives",
        implicit,
        FactorConfig.twoTower(32, Objective.BPR, 1),
        256);
    record(
        r,
        "two-tower BPR, 4 negatives",
        implicit,
        FactorConfig.twoTower(32, Objective.BPR, 1),
        1024);
    record(
        r,
        "two-tower BPR, 4 negatives",
        implicit,
        FactorConfig.twoTower(32, Objective.BPR, 1),
        1024,
        DeviceConfig.cpu());
    record(
        r,
        "two-tower sampled softmax, 32 negatives",
        implicit,
        FactorConfig.twoTower(32, Objective.SAMPLED_SOFTMAX, 1),
        1024);
    record(
        r,
        "two-tower BPR + content tower (24 -> 64 -> 32)",
        implicit,
        FactorConfig.twoTower(32, Objective.BPR, 1).withContentTower(64, true),
        1024);
    log(r, "");
    for (int d : new int[] {32, 64}) {
      retrieval(r, 100_000, d);
    }
    BenchSupport.write(r, "recommender-throughput.md");
  }

  private static void record(
      StringBuilder r, String name, Interactions data, FactorConfig base, int batch) {
    record(r, name, data, base, batch, FactorTrainer.SINGLE_THREAD_CPU);
  }

  private static void record(
      StringBuilder r,
      String name,
      Interactions data,
      FactorConfig base,
      int batch,
      DeviceConfig device) {
    FactorConfig c = base.withEpochs(3).withBatch(batch, base.learningRate());
    FactorTrainer.Trained t = FactorTrainer.train(data, c, null, device);
    log(
        r,
        String.format(
            Locale.ROOT,
            "| %s | %d | %d | %d | %s | %.0f |",
            name,
            c.dimension(),
            batch,
            c.epochs(),
            device.intraOpThreads() == 0 ? "TF default" : Integer.toString(device.intraOpThreads()),
            t.report().interactionsPerSecond()));
  }

  private static void retrieval(StringBuilder r, int items, int d) {
    SplittableRandom rnd = new SplittableRandom(3);
    int users = 1000;
    float[] u = new float[users * d];
    float[] q = new float[items * d];
    float[] b = new float[items];
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) rnd.nextGaussian();
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = (float) rnd.nextGaussian();
    }
    List<String> ids = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      ids.add("i" + i);
    }
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      userIds.add("u" + i);
    }
    FactorModel m =
        new FactorModel(
            Objective.BPR,
            d,
            userIds,
            new Catalog(ids, Feedback.IMPLICIT, null, null),
            u,
            new float[users],
            q,
            b,
            0,
            null);
    int[] seen = new int[20];
    for (int k = 0; k < seen.length; k++) {
      seen[k] = rnd.nextInt(items);
    }
    for (int i = 0; i < 200; i++) {
      m.recommend(i % users, 10, seen);
    }
    int n = 1000;
    double[] ms = new double[n];
    long total = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      int[] top = m.recommend(i % users, 10, seen);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (top.length != 10) {
        throw new AssertionError("top-10 returned " + top.length);
      }
    }
    double seconds = (System.nanoTime() - total) / 1e9;
    Arrays.sort(ms);
    log(
        r,
        String.format(
            Locale.ROOT,
            "top-10 of %,d items, d=%d, exact (one thread): median %.2f ms, p95 %.2f ms, %.0f queries/s",
            items,
            d,
            ms[n / 2],
            ms[(int) (n * 0.95)],
            n / seconds));
  }
}
