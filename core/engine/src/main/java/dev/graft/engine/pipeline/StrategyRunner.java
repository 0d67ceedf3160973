package dev.graft.engine.pipeline;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.Targets;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.evaluate.protocol.Split;
import dev.graft.engine.evaluate.protocol.Splits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one strategy on one source over every planned run: trains on the run's labelled examples
 * (minus a validation part if asked), predicts the run's test examples and measures them. The model
 * of the first run is kept for export; the others are closed as soon as they are measured.
 */
final class StrategyRunner {

  private final TargetData target;
  private final Evaluator evaluator;
  private final TrainingBudget budget;
  private final double validationFraction;
  private final Path workDir;
  private final RunStateStore state;
  private final PipelineListener listener;

  StrategyRunner(
      TargetData target,
      Evaluator evaluator,
      TrainingBudget budget,
      double validationFraction,
      Path workDir,
      RunStateStore state,
      PipelineListener listener) {
    this.target = target;
    this.evaluator = evaluator;
    this.budget = budget;
    this.validationFraction = validationFraction;
    this.workDir = workDir;
    this.state = state;
    this.listener = listener;
  }

  /** What one strategy on one source produced over all runs. */
  static final class Outcome {
    final List<RunPlan> plans = new ArrayList<>();
    final List<List<Metric>> metrics = new ArrayList<>();
    final List<double[][]> probabilities = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    int[][] confusion;
    double seconds;
    TrainedModel firstModel;
  }

  Outcome run(
      TransferStrategy strategy,
      Source source,
      List<RunPlan> plans,
      Map<String, String> options,
      int[] progress,
      int total) {
    Outcome outcome = new Outcome();
    String sourceId = source.descriptor().id();
    for (int i = 0; i < plans.size(); i++) {
      RunPlan plan = plans.get(i);
      listener.progress(
          "transfer",
          progress[0]++,
          total,
          strategy.id()
              + " on "
              + sourceId
              + (plan.budget() > 0 ? ", " + plan.budget() + "/class" : "")
              + ", run "
              + plan.key());
      boolean keepModel = i == 0;
      Optional<RunStateStore.Finished> done =
          keepModel ? Optional.empty() : state.find(strategy.id(), sourceId, plan);
      RunStateStore.Finished finished;
      if (done.isPresent()) {
        finished = done.get();
        listener.note(
            "reused finished run: " + strategy.id() + " on " + sourceId + ", run " + plan.key());
      } else {
        finished = trainAndMeasure(strategy, source, plan, options, keepModel, outcome);
        state.save(strategy.id(), sourceId, plan, finished);
      }
      outcome.plans.add(plan);
      outcome.metrics.add(finished.metrics());
      outcome.probabilities.add(finished.probabilities());
      if (outcome.confusion == null) {
        outcome.confusion = finished.confusion();
      }
      outcome.seconds += finished.seconds();
      for (String note : finished.notes()) {
        if (!outcome.notes.contains(note)) {
          outcome.notes.add(note);
        }
      }
    }
    return outcome;
  }

  private RunStateStore.Finished trainAndMeasure(
      TransferStrategy strategy,
      Source source,
      RunPlan plan,
      Map<String, String> options,
      boolean keepModel,
      Outcome outcome) {
    Split split = plan.split();
    int[] train = split.train();
    Optional<Dataset<?>> validation = Optional.empty();
    if (validationFraction > 0 && train.length > 0) {
      Split inner = innerHoldOut(train, plan.seed());
      if (inner != null) {
        validation = Optional.of(target.dataset().subset(select(train, inner.test())));
        train = select(train, inner.train());
      }
    }
    Dataset<?> test = target.dataset().subset(split.test());
    Targets testTruth = target.truth(split.test());
    Dataset<?> pool =
        target.classification() ? test.withoutLabelsKeepingClassNames() : test.withoutTargets();
    // no labelled example at all (labels-per-class 0): the strategies adapt to the unlabelled
    // test examples, which still name their classes
    Dataset<?> trainData = train.length == 0 ? pool : target.dataset().subset(train);
    TransferContext context =
        new TransferContext(
            source,
            trainData,
            validation,
            Optional.of(pool),
            budget,
            plan.seed(),
            options,
            workDir.resolve(
                strategy.id() + "-" + sanitize(source.descriptor().id()) + "-" + plan.key()));
    long start = System.nanoTime();
    TransferResult result = strategy.transfer(context);
    double seconds = (System.nanoTime() - start) / 1e9;
    TrainedModel model = result.model();
    try {
      Predictions predictions = model.predict(test);
      List<Metric> metrics = evaluator.evaluate(predictions, testTruth);
      int[][] confusion =
          testTruth instanceof ClassLabels testLabels ? confusion(predictions, testLabels) : null;
      if (keepModel) {
        outcome.firstModel = model;
        model = null;
      }
      double[][] probabilities = null;
      if (predictions.probabilities().isPresent()) {
        var p = predictions.probabilities().get();
        probabilities = new double[p.rows()][];
        for (int i = 0; i < p.rows(); i++) {
          probabilities[i] = p.values().row(i);
        }
      }
      return new RunStateStore.Finished(metrics, result.notes(), confusion, seconds, probabilities);
    } finally {
      if (model != null) {
        model.close();
      }
    }
  }

  /**
   * Measures given test probabilities of one run (used for ensembles, whose predictions are
   * combined from members' runs); records the confusion matrix of the first run in {@code into}.
   */
  List<Metric> measure(double[][] probabilities, RunPlan plan, Outcome into) {
    ClassLabels testLabels = target.labels().select(plan.split().test());
    Predictions predictions =
        Predictions.ofProbabilities(
            new dev.graft.api.data.ProbabilityMatrix(
                dev.graft.api.data.FeatureMatrix.of(probabilities)));
    if (into.confusion == null) {
      into.confusion = confusion(predictions, testLabels);
    }
    return evaluator.evaluate(predictions, testLabels);
  }

  /** The confusion matrix ({@code [true][predicted]}) for classification evaluators, else null. */
  private int[][] confusion(Predictions predictions, ClassLabels testLabels) {
    if (!(evaluator instanceof ClassificationEvaluator c)) {
      return null;
    }
    var cm = c.confusionMatrix(predictions, testLabels);
    int k = testLabels.numClasses();
    int[][] out = new int[k][k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        out[t][p] = cm.count(t, p);
      }
    }
    return out;
  }

  /**
   * The validation part of a run's training examples: stratified for class labels (none when a
   * class has a single example), random otherwise (none with fewer than four examples).
   */
  private Split innerHoldOut(int[] train, long seed) {
    if (target.classification()) {
      ClassLabels labels = target.labels().select(train);
      return canHoldOut(labels) ? Splits.stratifiedHoldOut(labels, validationFraction, seed) : null;
    }
    return train.length >= 4 ? Splits.holdOut(train.length, validationFraction, seed) : null;
  }

  private static boolean canHoldOut(ClassLabels labels) {
    for (int c : labels.counts()) {
      if (c == 1) {
        return false;
      }
    }
    return true;
  }

  private static int[] select(int[] base, int[] positions) {
    int[] out = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = base[positions[i]];
    }
    return out;
  }

  private static String sanitize(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
