package dev.graft.engine.evaluate.protocol;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.evaluate.Metric;
import java.util.List;

/**
 * Trains and evaluates a method with a given label budget and seed: one point of one run of a
 * {@link LearningCurve}. The pipeline plugs any strategy in here.
 */
@FunctionalInterface
public interface BudgetRun {

  /**
   * Runs once.
   *
   * @param budget the label budget (e.g. labelled examples per class)
   * @param seed the seed for every random choice of this run
   * @return the metrics; every run of one curve reports the same metric names
   */
  List<Metric> run(int budget, long seed);

  /**
   * A budget run whose budget is "labels per class": for each budget and seed it draws {@link
   * Splits#kPerClass(ClassLabels, int, long) exactly budget labelled examples per class} (seeded by
   * the run's seed) and hands that split to {@code run}. Two methods given the same labels, budget
   * and seed see the same split, so their curves can be compared pairwise.
   *
   * @param labels the class of every example of the target data
   * @param run trains on the split's training part and evaluates on its test part
   * @return the budget run
   */
  static BudgetRun labelsPerClass(ClassLabels labels, SplitRun run) {
    return (budget, seed) -> run.run(Splits.kPerClass(labels, budget, seed), budget, seed);
  }

  /** Trains on a split's training part and evaluates on its test part. */
  @FunctionalInterface
  interface SplitRun {

    /**
     * Runs once.
     *
     * @param split the labelled training examples and the test examples
     * @param budget the label budget the split was drawn for
     * @param seed the run's seed (also use it for initialisation and shuffling)
     * @return the metrics
     */
    List<Metric> run(Split split, int budget, long seed);
  }
}
