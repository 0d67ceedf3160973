package dev.graft.nlp.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.extension.Modality;
import dev.graft.engine.estimate.Estimation;
import dev.graft.engine.estimate.WeightedKendallTau;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.nlp.Text;
import dev.graft.nlp.pretrain.FortuneSources;
import dev.graft.nlp.pretrain.TextPretrainRequest;
import dev.graft.nlp.pretrain.TextPretrainResult;
import dev.graft.nlp.pretrain.TextPretrainer;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Estimator validation on text: a pool of text sources (the scenario's three, plus text-cnn on 3
 * source categories, on 500 texts, on shuffled labels, and a 2-layer Transformer) is ranked by
 * every applicable estimator on the fortune target (5 categories, 20 labels per class), each source
 * is fine-tuned on the target over 5 seeds, and the weighted Kendall tau between each estimator's
 * scores and the achieved mean macro-F1 is reported.
 *
 * <pre>
 * mvn -o -f plugins/nlp/pom.xml test -Dtest=TextEstimatorValidationBench -Dgraft.bench=true \
 *     [-Dgraft.bench.seeds=5] [-Dgraft.bench.epochs=100] [-Dgraft.bench.dir=target/bench]
 * </pre>
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class TextEstimatorValidationBench {

  static final List<String> ESTIMATORS =
      List.of(
          "logme",
          "leep",
          "nce",
          "hscore",
          "hscore-shrinkage",
          "gbc",
          "transrate",
          "knn",
          "linear-probe");

  static final String JOB =
      """
      name: text-estimator-validation
      seed: 11
      target:
        reader: fortune
        path: %s
        options: {categories: "food,law,love,sports,startrek"}
        labels-per-class: 20
      sources:
        - loader: model-store
      estimators: [%s]
      keep-top: 50
      strategies:
        - id: fine-tune
          options: %s
      evaluation: {protocol: holdout, seeds: %d, metric: macro-f1}
      budget: {epochs: %d, time: 20m, batch-size: 32}
      output: runs/text-estimator-validation
      """;

  /** A pool source beyond the scenario's three. */
  record PoolSource(
      String name,
      String recipe,
      String what,
      double validation,
      int epochs,
      Function<Dataset<Text>, Dataset<Text>> data) {}

  static List<PoolSource> extras() {
    return List.of(
        new PoolSource(
            "pool-cnn-tech",
            "text-cnn",
            "computers, linux, science",
            0.1,
            FortuneSources.EPOCHS,
            d -> classes(d, List.of("computers", "linux", "science"))),
        new PoolSource(
            "pool-cnn-500",
            "text-cnn",
            "500 random texts of the 10 categories",
            0.1,
            FortuneSources.EPOCHS,
            d -> randomSubset(d, 500, 3)),
        new PoolSource(
            "pool-cnn-shuffled",
            "text-cnn",
            "10 categories, labels shuffled, 10 epochs, no early stopping",
            0.0,
            10,
            d -> shuffled(d, 5)),
        new PoolSource(
            "pool-transformer",
            "transformer",
            "10 categories, 2-layer Transformer",
            0.1,
            FortuneSources.EPOCHS,
            d -> d));
  }

  static Dataset<Text> classes(Dataset<Text> d, List<String> keep) {
    ClassLabels labels = d.classLabels();
    List<Text> texts = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      int to = keep.indexOf(labels.names().get(labels.get(i)));
      if (to >= 0) {
        texts.add(d.example(i));
        values.add(to);
      }
    }
    DatasetInfo info =
        new DatasetInfo(
            d.info().name() + "-" + String.join("-", keep),
            Modality.TEXT,
            d.info().location(),
            d.info().digest() + ":" + keep,
            Map.of());
    return Dataset.labelled(
        info, texts, ClassLabels.of(values.stream().mapToInt(Integer::intValue).toArray(), keep));
  }

  static Dataset<Text> randomSubset(Dataset<Text> d, int n, long seed) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, d.size()).boxed().toList());
    Collections.shuffle(all, new Random(seed));
    int[] rows = all.subList(0, n).stream().mapToInt(Integer::intValue).sorted().toArray();
    Dataset<Text> sub = d.subset(rows);
    DatasetInfo info =
        new DatasetInfo(
            d.info().name() + "-" + n,
            Modality.TEXT,
            d.info().location(),
            d.info().digest() + ":subset:" + n + ":" + seed,
            Map.of());
    return Dataset.labelled(info, sub.examples(), sub.classLabels());
  }

  static Dataset<Text> shuffled(Dataset<Text> d, long seed) {
    List<Integer> values = new ArrayList<>();
    for (int v : d.classLabels().values()) {
      values.add(v);
    }
    Collections.shuffle(values, new Random(seed));
    DatasetInfo info =
        new DatasetInfo(
            d.info().name() + "-shuffled",
            Modality.TEXT,
            d.info().location(),
            d.info().digest() + ":shuffled:" + seed,
            Map.of());
    return Dataset.labelled(
        info,
        d.examples(),
        ClassLabels.of(
            values.stream().mapToInt(Integer::intValue).toArray(), d.classLabels().names()));
  }

  static void ensureExtras(Path store, Dataset<Text> source, StringBuilder report) {
    for (PoolSource s : extras()) {
      Dataset<Text> data = s.data().apply(source);
      Path dir = store.resolve(s.name());
      if (ModelManifest.existsIn(dir)
          && Objects.equals(
              ModelManifest.readFrom(dir).provenance().get("dataDigest"), data.info().digest())
          && Objects.equals(ModelManifest.readFrom(dir).provenance().get("recipe"), s.recipe())) {
        NlpBenchSupport.log(report, "pool " + s.name() + ": cached");
        continue;
      }
      TextPretrainRequest request =
          new TextPretrainRequest(
              data,
              s.recipe(),
              WordTokenizer.defaults(),
              64,
              20_000,
              2,
              64,
              null,
              false,
              s.epochs(),
              1,
              s.name(),
              store,
              s.validation(),
              3,
              64,
              1e-3);
      TextPretrainResult r = new TextPretrainer(DeviceConfig.cpu(), l -> {}).run(request);
      NlpBenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "pool %s: %s, %s: %d texts, vocabulary %d, %d epochs (best %d), validation accuracy"
                  + " %.4f, %.1f s",
              s.name(),
              s.recipe(),
              s.what(),
              data.size(),
              r.vocabularySize(),
              r.epochsRun(),
              r.bestEpoch(),
              r.validationAccuracy(),
              r.seconds()));
    }
  }

  static String run(Path root, int seeds, int epochs, String fineTuneOptions) throws IOException {
    StringBuilder report = new StringBuilder();
    NlpBenchSupport.log(report, NlpBenchSupport.header());
    Path store = root.resolve("store");
    Path scratch = root.resolve("shipped-fortunes");
    FortuneSources.ensure(store, scratch, DeviceConfig.cpu(), l -> NlpBenchSupport.log(report, l));
    Path fortunes = FortuneSources.fortunesFolder(scratch);
    ensureExtras(store, FortuneSources.sourceData(fortunes), report);
    Path runFolder = root.resolve("run-estimators");
    Files.createDirectories(runFolder);
    String yaml =
        String.format(
            Locale.ROOT,
            JOB,
            fortunes,
            String.join(", ", ESTIMATORS),
            fineTuneOptions,
            seeds,
            epochs);
    JobSpec spec = JobSpecs.parse(yaml, runFolder.resolve("job.yaml").toString());
    long t0 = System.nanoTime();
    RunResult result =
        NlpBenchSupport.runJob(spec, runFolder, store, root.resolve("feature-cache"), report);
    NlpBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "pipeline: %.1f s; steps %s",
            (System.nanoTime() - t0) / 1e9,
            result.timingsSeconds()));
    NlpBenchSupport.logOutcomes(result, report);

    Map<String, Double> achieved = new LinkedHashMap<>();
    for (StrategyOutcome o : result.outcomes()) {
      if (o.strategyId().equals("fine-tune")) {
        achieved.put(o.sourceId(), o.metric("macro-f1").mean());
      }
    }
    List<String> sources = new ArrayList<>(achieved.keySet());
    Collections.sort(sources);
    double[] y = sources.stream().mapToDouble(achieved::get).toArray();
    NlpBenchSupport.log(report, "");
    StringBuilder head = new StringBuilder("source | fine-tune macro-F1");
    ESTIMATORS.forEach(e -> head.append(" | ").append(e));
    NlpBenchSupport.log(report, head.toString());
    for (String id : sources) {
      RankedSource r = ranked(result, id);
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "%s | %.4f", id, achieved.get(id)));
      for (String e : ESTIMATORS) {
        Double v = r.scores().get(e);
        line.append(String.format(Locale.ROOT, " | %.4g", v == null ? Double.NaN : v));
      }
      NlpBenchSupport.log(report, line.toString());
    }
    NlpBenchSupport.log(report, "");
    NlpBenchSupport.log(
        report,
        "estimator | weighted Kendall tau vs achieved fine-tune macro-F1 ("
            + sources.size()
            + " sources) | mean seconds per source");
    for (String e : ESTIMATORS) {
      boolean higher = Estimation.builtins().estimator(e).higherIsBetter();
      double[] x = new double[sources.size()];
      double seconds = 0;
      boolean complete = true;
      for (int i = 0; i < x.length; i++) {
        RankedSource r = ranked(result, sources.get(i));
        Double v = r.scores().get(e);
        complete &= v != null && Double.isFinite(v);
        x[i] = v == null ? Double.NaN : (higher ? v : -v);
        seconds += r.seconds().getOrDefault(e, Double.NaN);
      }
      NlpBenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "%s | %s | %.4f",
              e,
              complete ? String.format(Locale.ROOT, "%+.3f", WeightedKendallTau.of(x, y)) : "n/a",
              seconds / sources.size()));
    }
    double[] consensus =
        sources.stream().mapToDouble(id -> -ranked(result, id).consensusRank()).toArray();
    NlpBenchSupport.log(
        report,
        String.format(
            Locale.ROOT, "consensus rank | %+.3f |", WeightedKendallTau.of(consensus, y)));
    NlpBenchSupport.log(report, "achieved order: " + orderBy(sources, y));
    NlpBenchSupport.log(report, "loadavg-end=" + NlpBenchSupport.loadAverage());
    Files.writeString(root.resolve("text-estimator-validation.txt"), report.toString());
    return report.toString();
  }

  private static String orderBy(List<String> sources, double[] y) {
    Integer[] idx = IntStream.range(0, y.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, (a, b) -> Double.compare(y[b], y[a]));
    StringBuilder sb = new StringBuilder();
    for (int i : idx) {
      sb.append(sb.length() == 0 ? "" : " > ")
          .append(String.format(Locale.ROOT, "%s (%.3f)", sources.get(i), y[i]));
    }
    return sb.toString();
  }

  private static RankedSource ranked(RunResult result, String id) {
    return result.ranking().stream().filter(r -> r.sourceId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void estimatorValidation() throws IOException {
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            Integer.getInteger("graft.bench.seeds", 5),
            Integer.getInteger("graft.bench.epochs", 100),
            System.getProperty("graft.bench.fine-tune", "{}"));
    assertTrue(text.contains("weighted Kendall tau"));
  }
}
