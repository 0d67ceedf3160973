package dev.graft.examples.host;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.engine.Graft;
import dev.graft.engine.job.BudgetSpec;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.plugin.RegisteredExtension;
import dev.graft.engine.run.RankedSource;
import dev.graft.engine.run.RunResult;
import dev.graft.engine.serve.ModelPredictor;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * A host application that embeds Graft: it pretrains a source with the vision plugin's command,
 * ranks it and transfers it to the real UCI handwritten digits with a job built in Java, then loads
 * the exported model and serves predictions from four threads at once.
 *
 * <pre>
 * java -cp ... dev.graft.examples.host.EmbeddingHost PLUGINS_DIR WORK_DIR DIGITS_CSV
 * </pre>
 *
 * {@code PLUGINS_DIR} holds {@code graft-vision-<version>.jar}; {@code WORK_DIR} receives the model
 * store, the feature cache and the run folder; {@code DIGITS_CSV} is the UCI digits in pixel-csv
 * form (the vision plugin ships it as {@code dev/graft/vision/data/digits.csv.gz}).
 */
public final class EmbeddingHost {

  /** The reader options of the 8x8 UCI digits (pixel values 0..16). */
  static final Map<String, String> DIGITS = Map.of("width", "8", "height", "8", "max-value", "16");

  private static final int THREADS = 4;

  private EmbeddingHost() {}

  /**
   * What the host did, for callers (and tests) that want more than the printed lines.
   *
   * @param ranking the ranked source ids, best first
   * @param winner the winning strategy and source, e.g. {@code linear-probe on store:glyphs-digits}
   * @param winnerAccuracy the winner's mean test accuracy in the run
   * @param predicted how many examples the served model predicted
   * @param servedAccuracy the served model's accuracy on them
   * @param threadsAgree whether predictions from {@value #THREADS} threads equal the sequential
   *     ones
   */
  public record Summary(
      List<String> ranking,
      String winner,
      double winnerAccuracy,
      int predicted,
      double servedAccuracy,
      boolean threadsAgree) {}

  /**
   * Runs the example and prints what happened.
   *
   * @param args the plugins folder, a work folder and the digits file
   * @throws Exception if anything fails (Graft errors carry their error id)
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: EmbeddingHost PLUGINS_DIR WORK_DIR DIGITS_CSV");
      System.exit(2);
    }
    run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), System.out);
  }

  /**
   * Embeds Graft: one runtime for everything, closed at the end (which also closes any predictor
   * still open and unloads the plugins).
   *
   * @param plugins the plugins folder
   * @param work a folder for the model store, cache and runs
   * @param digits the UCI digits in pixel-csv form
   * @param out where to print progress and results
   * @return what happened
   * @throws InterruptedException if interrupted while predicting
   * @throws ExecutionException if a prediction thread failed
   */
  public static Summary run(Path plugins, Path work, Path digits, PrintStream out)
      throws InterruptedException, ExecutionException {
    Path store = work.resolve("models");
    try (Graft graft =
        Graft.builder()
            .optPluginsDir(plugins)
            .optModelStore(store)
            .optCacheDir(work.resolve("cache"))
            .optThreads(2, 1)
            .build()) {
      pretrainSource(graft, store, out);

      JobSpec job =
          JobSpec.builder()
              .optName("embedded-digits")
              .optSeed(11)
              .setTarget(
                  new TargetSpec("pixel-csv", digits.toString(), DIGITS, 5, null, null, null))
              .addSource(new SourceSpec("model-store", null, List.of(), Map.of()))
              .optEstimators("logme", "leep")
              .optStrategy(StrategySpec.of("linear-probe"))
              .optEvaluation(new EvaluationSpec("holdout", 2, null, null, "accuracy"))
              .optBudget(new BudgetSpec(20, "2m", 64))
              .setOutput("runs/embedded-digits")
              .build();

      List<RankedSource> ranking = graft.rank(job, work);
      for (RankedSource r : ranking) {
        out.printf(Locale.ROOT, "rank %d: %s %s%n", r.rank(), r.sourceId(), r.scores());
      }

      RunResult result = graft.run(job, work, progress(out));
      String winner = result.winner().strategyId() + " on " + result.winner().sourceId();
      out.printf(
          Locale.ROOT,
          "winner: %s, %s %.4f (%s)%n",
          winner,
          result.winner().metric(),
          result.winner().mean(),
          result.winner().reason());

      Path model = work.resolve("runs/embedded-digits").resolve(result.winner().exportedTo());
      try (ModelPredictor predictor = graft.loadModel(model)) {
        Dataset<?> data = graft.read("pixel-csv", digits, DIGITS);
        int[] sequential = predictor.predictClasses(data);
        int[] parallel = predictInThreads(predictor, data);
        boolean agree = Arrays.equals(sequential, parallel);
        double accuracy = accuracy(sequential, predictor.labels(), data.classLabels());
        out.printf(
            Locale.ROOT,
            "served %d examples from %s: accuracy %.4f; %d threads agree with sequential: %s%n",
            data.size(),
            model,
            accuracy,
            THREADS,
            agree);
        return new Summary(
            ranking.stream().map(RankedSource::sourceId).toList(),
            winner,
            result.winner().mean(),
            data.size(),
            accuracy,
            agree);
      }
    }
  }

  /**
   * A source for the job: the vision plugin's {@code pretrain vision} command, run through the
   * runtime's extension registry exactly as {@code graft pretrain vision} would run it. Skipped if
   * the model store already holds it.
   */
  static void pretrainSource(Graft graft, Path store, PrintStream out) {
    if (Files.isDirectory(store.resolve("glyphs-digits"))) {
      return;
    }
    PluginCommand pretrain =
        graft.extensions().all(PluginCommand.class).stream()
            .map(RegisteredExtension::instance)
            .filter(c -> c.path().equals(List.of("pretrain", "vision")))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no 'pretrain vision' command: is the vision plugin in the plugins folder?"));
    StringWriter err = new StringWriter();
    int code =
        pretrain.execute(
            List.of(
                "--shipped=glyph-digits", "--name=glyphs-digits", "--epochs=3", "--store=" + store),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    if (code != 0) {
      throw new IllegalStateException("pretrain vision exited with " + code + ": " + err);
    }
  }

  /** The same predictor called from several threads, each on its own slice of the data. */
  static int[] predictInThreads(ModelPredictor predictor, Dataset<?> data)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<int[]>> parts = new ArrayList<>();
      int n = data.size();
      for (int t = 0; t < THREADS; t++) {
        int[] rows = IntStream.range(n * t / THREADS, n * (t + 1) / THREADS).toArray();
        Dataset<?> slice = data.subset(rows);
        parts.add(pool.submit(() -> predictor.predictClasses(slice)));
      }
      int[] all = new int[n];
      int at = 0;
      for (Future<int[]> part : parts) {
        int[] p = part.get();
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Accuracy, matching the model's class names to the data's by name. */
  static double accuracy(int[] predicted, List<String> modelLabels, ClassLabels truth) {
    int hits = 0;
    for (int i = 0; i < predicted.length; i++) {
      hits += modelLabels.get(predicted[i]).equals(truth.names().get(truth.get(i))) ? 1 : 0;
    }
    return (double) hits / predicted.length;
  }

  private static PipelineListener progress(PrintStream out) {
    return new PipelineListener() {
      @Override
      public void stepStarted(String step) {
        out.println("== " + step);
      }
    };
  }
}
