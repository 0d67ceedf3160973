package dev.graft.engine.evaluate.protocol;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.evaluate.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * k-fold cross-validation: every example is tested exactly once, by the model trained on the other
 * folds. Results are keyed by fold number, so two methods cross-validated with the same labels, k
 * and seed see the same folds and can be compared with {@link PairedComparison}.
 *
 * <p>The folds share training data, so the 95% interval over folds is optimistic; for a claim of
 * significance prefer {@link RepeatedRuns} over seeds with fresh held-out splits.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * Stratified k-fold cross-validation ({@link Splits#stratifiedKFold}).
   *
   * @param labels the class of each example
   * @param k number of folds, at least 2
   * @param seed the seed of the fold assignment
   * @param run trains and evaluates one fold
   * @return the metrics of every fold, keyed by fold number {@code 0 .. k-1}
   */
  public static RunResults stratified(ClassLabels labels, int k, long seed, FoldRun run) {
    return run(Splits.stratifiedKFold(labels, k, seed), run);
  }

  /**
   * Unstratified k-fold cross-validation of {@code n} examples (regression, ranking).
   *
   * @param n number of examples
   * @param k number of folds, at least 2
   * @param seed the seed of the fold assignment
   * @param run trains and evaluates one fold
   * @return the metrics of every fold, keyed by fold number {@code 0 .. k-1}
   */
  public static RunResults plain(int n, int k, long seed, FoldRun run) {
    return run(Splits.folds(Splits.kFoldAssignment(n, k, seed), k), run);
  }

  private static RunResults run(List<Split> splits, FoldRun run) {
    long[] keys = new long[splits.size()];
    List<List<Metric>> results = new ArrayList<>(splits.size());
    for (int f = 0; f < splits.size(); f++) {
      keys[f] = f;
      results.add(run.run(splits.get(f), f));
    }
    return RunResults.of(keys, results);
  }
}
