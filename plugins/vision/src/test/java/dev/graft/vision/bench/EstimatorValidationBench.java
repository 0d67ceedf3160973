package dev.graft.vision.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.extension.Modality;
import dev.graft.engine.estimate.Estimation;
import dev.graft.engine.estimate.WeightedKendallTau;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.engine.run.MetricSummary;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.run.StrategyOutcome;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.pretrain.PretrainRequest;
import dev.graft.vision.pretrain.PretrainResult;
import dev.graft.vision.pretrain.Pretrainer;
import dev.graft.vision.read.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Scenario 3, estimator validation: do the transferability estimators rank source models the way
 * fine-tuning does? Pretrains a pool of source models of deliberately different quality and
 * relevance into a model store of its own (three architectures; rendered digits, all 62 glyphs,
 * upper-case letters only, Fashion-MNIST classes 0-4 at 8x8, a 500-image digit subset; full and
 * one-epoch training; one model trained on shuffled labels), then runs one job through the engine's
 * pipeline on scenario 1's target (the 1,797 UCI digits, 5 labels per class, the rest as test set,
 * 3 seeds): every source is scored by every built-in estimator and fine-tuned. The labelled sets of
 * the other seeds are ranked with {@code TransferPipeline.rank}, so every seed's estimator scores
 * come from exactly the 50 images its fine-tuning run trained on; one more ranking uses 100 labels
 * per class. For each estimator it reports the weighted Kendall tau ({@link WeightedKendallTau},
 * scipy's {@code weightedtau}) between its scores and the achieved fine-tune accuracy, per seed and
 * averaged, and its time against the fine-tuning time.
 *
 * <p>Disabled unless {@code -Dgraft.bench=true}; run it alone:
 *
 * <pre>
 * mvn -o -pl plugins/vision test -Dtest=EstimatorValidationBench -Dgraft.bench=true \
 *     [-Dgraft.bench.seeds=3] [-Dgraft.bench.epochs=150] [-Dgraft.bench.source-epochs=20] \
 *     [-Dgraft.bench.dir=target/bench]
 * </pre>
 *
 * or outside JUnit with {@link #main}. The pool goes to {@code target/bench/pool-store} (reused by
 * later runs while each model's data digest, recipe, seed and epochs match), the run folder to
 * {@code target/bench/run-estimators} (its earlier runs are deleted first, so that nothing is
 * resumed), the summary to {@code target/bench/estimator-validation.txt}. Needs Debian's {@code
 * dataset-fashion-mnist} for the Fashion-MNIST source.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class EstimatorValidationBench {

  /** Every built-in estimator, in report order. */
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

  /** The target: scenario 1's job with every pool source, all estimators, fine-tune only. */
  static final String JOB =
      """
      name: estimator-validation
      seed: %d
      target:
        reader: pixel-csv
        path: digits.csv.gz
        options: {width: 8, height: 8, max-value: 16}
        labels-per-class: %d
      sources:
        - loader: model-store
      estimators: [%s]
      keep-top: 50
      strategies: [fine-tune]
      evaluation: {protocol: holdout, seeds: %d, metric: accuracy}
      budget: {epochs: %d, time: 10m, batch-size: 64}
      output: runs/estimator-validation
      """;

  /**
   * Scratch accuracy (same architecture, same labelled sets) below which an architecture is taken
   * not to train on the target at all (10 classes: chance is 0.1); its sources are left out of the
   * second tau table, since their fine-tune accuracy measures the failure, not transferability.
   */
  static final double TRAINABLE = 0.2;

  /** The job's first seed, as in the demo jobs. */
  static final long FIRST_SEED = 7;

  /**
   * One model of the pool.
   *
   * @param name its name in the store
   * @param recipe the vision recipe
   * @param what a short description for the report
   * @param epochs maximum pretraining epochs
   * @param seed the pretraining seed
   * @param validation the validation fraction (0: no early stopping)
   * @param data the labelled images
   */
  record PoolSource(
      String name,
      String recipe,
      String what,
      int epochs,
      long seed,
      double validation,
      Supplier<Dataset<Image>> data) {}

  /**
   * The pool: nine models of different architecture, source data and training length.
   *
   * @param epochs the maximum epochs of the fully trained members (early stopping on 10%
   *     validation)
   * @return the pool
   */
  static List<PoolSource> pool(int epochs) {
    Supplier<Dataset<Image>> digits = VisionData.GLYPH_DIGITS::load;
    Supplier<Dataset<Image>> alnum = VisionData.GLYPH_ALNUM::load;
    List<PoolSource> out = new ArrayList<>();
    out.add(
        new PoolSource("digits-cnn", "small-cnn", "4,960 glyph digits", epochs, 1, 0.1, digits));
    out.add(
        new PoolSource(
            "digits-cnn-1ep", "small-cnn", "4,960 glyph digits, 1 epoch", 1, 1, 0.1, digits));
    out.add(
        new PoolSource(
            "digits500-cnn",
            "small-cnn",
            "500 glyph digits",
            epochs,
            1,
            0.1,
            () -> randomSubset(VisionData.GLYPH_DIGITS.load(), 500, 3)));
    out.add(
        new PoolSource(
            "digits-resnet", "resnet-tiny", "4,960 glyph digits", epochs, 1, 0.1, digits));
    out.add(
        new PoolSource(
            "digits-mobilenet", "mobilenet-tiny", "4,960 glyph digits", epochs, 1, 0.1, digits));
    out.add(
        new PoolSource(
            "alnum-cnn", "small-cnn", "7,688 glyphs, 62 classes", epochs, 2, 0.1, alnum));
    out.add(
        new PoolSource(
            "upper-cnn",
            "small-cnn",
            "3,224 upper-case glyphs, 26 classes",
            epochs,
            2,
            0.1,
            () -> upperCase(VisionData.GLYPH_ALNUM.load())));
    out.add(
        new PoolSource(
            "fashion-cnn",
            "small-cnn",
            "3,000 Fashion-MNIST images, classes 0-4, at 8x8",
            epochs,
            1,
            0.1,
            EstimatorValidationBench::fashion));
    out.add(
        new PoolSource(
            "shuffled-cnn",
            "small-cnn",
            "4,960 glyph digits, labels shuffled, no early stopping",
            epochs,
            1,
            0.0,
            () -> shuffledLabels(VisionData.GLYPH_DIGITS.load(), 5)));
    return out;
  }

  static Dataset<Image> randomSubset(Dataset<Image> data, int n, long seed) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, data.size()).boxed().toList());
    java.util.Collections.shuffle(all, new Random(seed));
    int[] rows = all.subList(0, n).stream().mapToInt(Integer::intValue).sorted().toArray();
    return data.subset(rows);
  }

  static Dataset<Image> upperCase(Dataset<Image> alnum) {
    ClassLabels labels = alnum.classLabels();
    List<String> names = new ArrayList<>();
    Map<Integer, Integer> remap = new LinkedHashMap<>();
    for (int c = 0; c < labels.numClasses(); c++) {
      String name = labels.names().get(c);
      if (name.length() == 1 && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z') {
        remap.put(c, names.size());
        names.add(name);
      }
    }
    List<Image> images = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < alnum.size(); i++) {
      Integer to = remap.get(labels.get(i));
      if (to != null) {
        images.add(alnum.example(i));
        values.add(to);
      }
    }
    DatasetInfo info =
        new DatasetInfo(
            "glyph-upper",
            Modality.VISION,
            alnum.info().location(),
            alnum.info().digest() + ":upper",
            Map.of());
    return Dataset.labelled(
        info, images, ClassLabels.of(values.stream().mapToInt(Integer::intValue).toArray(), names));
  }

  static Dataset<Image> shuffledLabels(Dataset<Image> data, long seed) {
    ClassLabels labels = data.classLabels();
    List<Integer> values = new ArrayList<>();
    for (int v : labels.values()) {
      values.add(v);
    }
    java.util.Collections.shuffle(values, new Random(seed));
    DatasetInfo info =
        new DatasetInfo(
            data.info().name() + "-shuffled",
            Modality.VISION,
            data.info().location(),
            data.info().digest() + ":shuffled:" + seed,
            Map.of());
    return Dataset.labelled(
        info,
        data.examples(),
        ClassLabels.of(values.stream().mapToInt(Integer::intValue).toArray(), labels.names()));
  }

  static Dataset<Image> fashion() {
    Dataset<Image> all =
        new IdxReader()
            .read(
                NegativeTransferBench.FASHION,
                new ReadOptions(
                    BadInputPolicy.FAIL,
                    0,
                    Map.of("class-names", NegativeTransferBench.NAMES, "classes", "0,1,2,3,4")))
            .dataset();
    return randomSubset(all, 3000, 4);
  }

  /**
   * Deletes an earlier run's folder: the pipeline resumes finished runs from its state files, which
   * would replace the fine-tuning this bench times by a lookup.
   */
  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Pretrains the pool members that are missing or outdated in the store. */
  static void ensurePool(
      List<PoolSource> pool, Path store, StringBuilder report, Map<String, String> facts) {
    for (PoolSource s : pool) {
      Path dir = store.resolve(s.name());
      Dataset<Image> data = s.data().get();
      if (upToDate(dir, s, data.info().digest())) {
        Map<String, Object> p = ModelManifest.readFrom(dir).provenance();
        facts.put(
            s.name(),
            String.format(
                Locale.ROOT,
                "%s | %s | %s/%s | %s | cached",
                s.recipe(),
                s.what(),
                p.get("epochsRun"),
                p.get("bestEpoch"),
                p.containsKey("validationAccuracy")
                    ? String.format(
                        Locale.ROOT, "%.4f", ((Number) p.get("validationAccuracy")).doubleValue())
                    : "—"));
        BenchSupport.log(report, "pool " + s.name() + ": cached in " + dir);
        continue;
      }
      BenchSupport.log(
          report, "pool " + s.name() + ": pretraining " + s.recipe() + ", " + s.what());
      PretrainResult r =
          new Pretrainer(DeviceConfig.cpu(), line -> BenchSupport.log(report, "  " + line))
              .run(
                  new PretrainRequest(
                      data,
                      ImageInputSpec.of(8, 8, 1),
                      s.recipe(),
                      s.epochs(),
                      s.seed(),
                      s.name(),
                      store,
                      s.validation(),
                      3,
                      64,
                      1e-3,
                      AugmentationSpec.mild()));
      String line =
          String.format(
              Locale.ROOT,
              "%s | %s | %d/%d | %s | %.1f s",
              s.recipe(),
              s.what(),
              r.epochsRun(),
              r.bestEpoch(),
              Double.isNaN(r.validationAccuracy())
                  ? "—"
                  : String.format(Locale.ROOT, "%.4f", r.validationAccuracy()),
              r.seconds());
      facts.put(s.name(), line);
      BenchSupport.log(report, "pool " + s.name() + ": " + line);
    }
  }

  static boolean upToDate(Path dir, PoolSource s, String digest) {
    if (!ModelManifest.existsIn(dir)) {
      return false;
    }
    Map<String, Object> p = ModelManifest.readFrom(dir).provenance();
    return Objects.equals(p.get("dataDigest"), digest)
        && Objects.equals(p.get("recipe"), s.recipe())
        && p.get("seed") instanceof Number seed
        && seed.longValue() == s.seed()
        && p.get("epochs") instanceof Number epochs
        && epochs.intValue() == s.epochs()
        && p.get("validationFraction") instanceof Number v
        && v.doubleValue() == s.validation();
  }

  static JobSpec job(Path folder, long seed, int labelsPerClass, int seeds, int epochs) {
    String yaml =
        String.format(
            Locale.ROOT, JOB, seed, labelsPerClass, String.join(", ", ESTIMATORS), seeds, epochs);
    return JobSpecs.parse(yaml, folder.resolve("estimator-validation.yaml").toString());
  }

  /** Scores by source id for one estimator, oriented so that higher predicts better transfer. */
  static double[] oriented(List<RankedSource> ranking, List<String> sources, String estimator) {
    boolean higher = Estimation.builtins().estimator(estimator).higherIsBetter();
    double[] out = new double[sources.size()];
    for (int i = 0; i < out.length; i++) {
      String id = sources.get(i);
      Double v =
          ranking.stream()
              .filter(r -> r.sourceId().equals(id))
              .findFirst()
              .map(r -> r.scores().get(estimator))
              .orElse(null);
      out[i] = v == null ? Double.NaN : (higher ? v : -v);
    }
    return out;
  }

  static double consensus(List<RankedSource> ranking, String id) {
    return -ranking.stream()
        .filter(r -> r.sourceId().equals(id))
        .findFirst()
        .orElseThrow()
        .consensusRank();
  }

  static double meanSeconds(List<RankedSource> ranking, String estimator) {
    return ranking.stream()
        .mapToDouble(r -> r.seconds().getOrDefault(estimator, Double.NaN))
        .average()
        .orElse(Double.NaN);
  }

  static double tau(double[] x, double[] y) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return Double.NaN;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max - min <= 1e-9 * Math.max(Math.abs(max), Math.abs(min))) {
      return Double.NaN;
    }
    return WeightedKendallTau.of(x, y);
  }

  /**
   * Runs the benchmark.
   *
   * @param root the bench folder
   * @param seeds labelled sets (seeds) of the target
   * @param epochs the fine-tuning epoch budget (150 as in the demo jobs)
   * @param sourceEpochs maximum pretraining epochs of the fully trained pool members
   * @return the summary text
   * @throws IOException if the summary cannot be written
   */
  static String run(Path root, int seeds, int epochs, int sourceEpochs) throws IOException {
    StringBuilder report = new StringBuilder();
    long started = System.nanoTime();
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s tensorflow=%s loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            org.tensorflow.TensorFlow.version(),
            BenchSupport.loadAverage()));
    Path store = root.resolve("pool-store");
    Path cache = root.resolve("feature-cache-estimators");
    List<PoolSource> pool = pool(sourceEpochs);
    Map<String, String> facts = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    ensurePool(pool, store, report, facts);
    double pretrainSeconds = (System.nanoTime() - t0) / 1e9;
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "pool ready: %.1f s, loadavg %s",
            pretrainSeconds,
            BenchSupport.loadAverage()));

    Path runFolder = root.resolve("run-estimators");
    deleteTree(runFolder.resolve("runs"));
    Files.createDirectories(runFolder);
    VisionData.UCI_DIGITS.copyTo(runFolder.resolve("digits.csv.gz"));
    t0 = System.nanoTime();
    RunResult result =
        BenchSupport.runJob(
            job(runFolder, FIRST_SEED, 5, seeds, epochs), runFolder, store, cache, report);
    double pipelineSeconds = (System.nanoTime() - t0) / 1e9;
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT, "pipeline: %.1f s; steps %s", pipelineSeconds, result.timingsSeconds()));
    BenchSupport.logOutcomes(result, report);

    List<String> sources = result.ranking().stream().map(RankedSource::sourceId).sorted().toList();
    List<List<RankedSource>> rankings = new ArrayList<>();
    rankings.add(result.ranking());
    for (int s = 1; s < seeds; s++) {
      rankings.add(
          BenchSupport.rankJob(
              job(runFolder, FIRST_SEED + s, 5, 1, epochs), runFolder, store, cache));
    }
    List<RankedSource> large =
        BenchSupport.rankJob(job(runFolder, FIRST_SEED, 100, 1, epochs), runFolder, store, cache);

    Map<String, double[]> fineTune = new LinkedHashMap<>();
    Map<String, double[]> scratch = new LinkedHashMap<>();
    double fineTuneSeconds = 0;
    int fineTuneRuns = 0;
    for (StrategyOutcome o : result.outcomes()) {
      MetricSummary acc = o.metric("accuracy");
      double[] perRun = acc.perRun().stream().mapToDouble(Double::doubleValue).toArray();
      if (o.strategyId().equals("fine-tune")) {
        fineTune.put(o.sourceId(), perRun);
        fineTuneSeconds += o.trainSeconds();
        fineTuneRuns += perRun.length;
      } else if (o.strategyId().equals("scratch")) {
        scratch.put(o.sourceId(), perRun);
      }
    }

    BenchSupport.log(report, "");
    BenchSupport.log(
        report, "source | recipe | data | epochs run/best | validation acc | pretrain");
    for (PoolSource p : pool) {
      BenchSupport.log(report, p.name() + " | " + facts.get(p.name()));
    }
    BenchSupport.log(report, "");
    StringBuilder head = new StringBuilder("source | fine-tune acc (per seed) | scratch acc");
    for (String e : ESTIMATORS) {
      head.append(" | ").append(e);
    }
    BenchSupport.log(report, head.append(" | consensus rank").toString());
    for (String id : sources) {
      double[] ft = fineTune.get(id);
      double[] sc = scratch.get(id);
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s | %.4f %s | %.4f",
                  id,
                  mean(ft),
                  java.util.Arrays.toString(round(ft)),
                  sc == null ? Double.NaN : mean(sc)));
      RankedSource r =
          result.ranking().stream().filter(x -> x.sourceId().equals(id)).findFirst().orElseThrow();
      for (String e : ESTIMATORS) {
        Double v = r.scores().get(e);
        line.append(String.format(Locale.ROOT, " | %.4g", v == null ? Double.NaN : v));
      }
      line.append(String.format(Locale.ROOT, " | %.2f", r.consensusRank()));
      BenchSupport.log(report, line.toString());
    }
    BenchSupport.log(report, "");
    BenchSupport.log(report, "scores at 100 labels per class (n=1000), seed " + FIRST_SEED + ":");
    for (String id : sources) {
      RankedSource r =
          large.stream().filter(x -> x.sourceId().equals(id)).findFirst().orElseThrow();
      StringBuilder line = new StringBuilder(id);
      for (String e : ESTIMATORS) {
        Double v = r.scores().get(e);
        line.append(String.format(Locale.ROOT, " | %.4g", v == null ? Double.NaN : v));
      }
      BenchSupport.log(
          report, line.append(String.format(Locale.ROOT, " | %.2f", r.consensusRank())).toString());
    }
    List<String> trainable =
        sources.stream().filter(id -> mean(scratch.get(id)) >= TRAINABLE).toList();
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "sources whose own architecture trains on the target (scratch accuracy >= %.2f): %d of"
                + " %d%s",
            TRAINABLE,
            trainable.size(),
            sources.size(),
            trainable.size() == sources.size()
                ? ""
                : "; left out of the second tau table: "
                    + sources.stream().filter(id -> !trainable.contains(id)).toList()));
    tauTable("all sources", sources, rankings, large, fineTune, seeds, report);
    if (trainable.size() != sources.size() && trainable.size() >= 3) {
      tauTable("trainable architectures only", trainable, rankings, large, fineTune, seeds, report);
    }
    List<String> smallCnn =
        pool.stream()
            .filter(p -> p.recipe().equals("small-cnn"))
            .map(p -> "store:" + p.name())
            .filter(sources::contains)
            .sorted()
            .toList();
    tauTable(
        "small-cnn only (one architecture, 128 features)",
        smallCnn,
        rankings,
        large,
        fineTune,
        seeds,
        report);

    double perRun = fineTuneSeconds / Math.max(1, fineTuneRuns);
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "fine-tune: %d runs, %.1f s in all, %.2f s per run (%d epochs); feature extraction for"
                + " %d sources %.2f s; pretraining the pool %.1f s; bench wall %.1f s; loadavg-end"
                + " %s",
            fineTuneRuns,
            fineTuneSeconds,
            perRun,
            epochs,
            sources.size(),
            result.timingsSeconds().getOrDefault("features", Double.NaN),
            pretrainSeconds,
            (System.nanoTime() - started) / 1e9,
            BenchSupport.loadAverage()));
    Files.writeString(root.resolve("estimator-validation.txt"), report.toString());
    return report.toString();
  }

  /**
   * Logs one table of weighted Kendall tau between each estimator's oriented scores and the
   * fine-tune accuracy over {@code sources}: per seed on that seed's 50 labelled images, their
   * mean, and the 1,000-image scores against the mean accuracy. An estimator whose scores are equal
   * up to round-off (relative spread below 1e-9) gets NaN: its order is noise.
   */
  static void tauTable(
      String title,
      List<String> sources,
      List<List<RankedSource>> rankings,
      List<RankedSource> large,
      Map<String, double[]> fineTune,
      int seeds,
      StringBuilder report) {
    BenchSupport.log(report, "");
    BenchSupport.log(
        report,
        "tau_w, "
            + title
            + " ("
            + sources.size()
            + "): estimator | per seed (n=50) | mean (n=50) | n=1000 vs mean acc | mean time per"
            + " source n=50 (s) | n=1000 (s)");
    List<String> rows = new ArrayList<>(ESTIMATORS);
    rows.add("consensus");
    double[] meanAcc = sources.stream().mapToDouble(id -> mean(fineTune.get(id))).toArray();
    for (String e : rows) {
      double[] taus = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        final int seed = s;
        double[] y = sources.stream().mapToDouble(id -> fineTune.get(id)[seed]).toArray();
        double[] x =
            e.equals("consensus")
                ? sources.stream().mapToDouble(id -> consensus(rankings.get(seed), id)).toArray()
                : oriented(rankings.get(seed), sources, e);
        taus[s] = tau(x, y);
      }
      double[] xl =
          e.equals("consensus")
              ? sources.stream().mapToDouble(id -> consensus(large, id)).toArray()
              : oriented(large, sources, e);
      BenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "%s | %s | %.3f | %.3f | %s | %s",
              e,
              java.util.Arrays.toString(round(taus)),
              mean(taus),
              tau(xl, meanAcc),
              e.equals("consensus")
                  ? "—"
                  : String.format(Locale.ROOT, "%.4f", meanSeconds(rankings.get(0), e)),
              e.equals("consensus")
                  ? "—"
                  : String.format(Locale.ROOT, "%.4f", meanSeconds(large, e))));
    }
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  static double[] round(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.round(v[i] * 1000) / 1000.0;
    }
    return out;
  }

  @Test
  void estimatorValidation() throws IOException {
    assumeTrue(
        Files.isRegularFile(NegativeTransferBench.FASHION.resolve("train-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist not installed");
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            Integer.getInteger("graft.bench.seeds", 3),
            Integer.getInteger("graft.bench.epochs", 150),
            Integer.getInteger("graft.bench.source-epochs", 20));
    assertTrue(text.contains("logme |"));
  }

  /**
   * Runs the benchmark outside JUnit.
   *
   * @param args optional: bench folder (default {@code target/bench}), seeds (3), fine-tune epoch
   *     budget (150), maximum pretraining epochs (20)
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(
        Path.of(args.length > 0 ? args[0] : "target/bench"),
        args.length > 1 ? Integer.parseInt(args[1]) : 3,
        args.length > 2 ? Integer.parseInt(args[2]) : 150,
        args.length > 3 ? Integer.parseInt(args[3]) : 20);
  }
}
