package dev.graft.engine.pipeline;

import dev.graft.api.data.ClassLabels;
import dev.graft.engine.evaluate.protocol.RepeatedRuns;
import dev.graft.engine.evaluate.protocol.Split;
import dev.graft.engine.evaluate.protocol.Splits;
import dev.graft.engine.job.JobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs a protocol asks for: each has a key (the seed, or the fold index), a label budget (0
 * when the protocol has none) and the split of the target into labelled training and test examples.
 * Every strategy sees exactly the same runs, so results can be compared pairwise.
 *
 * @param key the seed or fold index that identifies the run
 * @param budget labels per class (0 = the split's own)
 * @param seed the seed the strategy trains with
 * @param split labelled training and test indices into the target
 */
record RunPlan(long key, int budget, long seed, Split split) {

  static List<RunPlan> of(JobSpec spec, TargetData target) {
    List<RunPlan> plans = new ArrayList<>();
    long[] seeds = RepeatedRuns.seeds(spec.seed(), spec.evaluation().seeds());
    if (!target.classification()) {
      // examples (e.g. users) split at random: there are no classes to stratify by
      int n = target.dataset().size();
      if (spec.evaluation().protocol().equals("kfold")) {
        List<Split> folds =
            Splits.folds(
                Splits.kFoldAssignment(n, spec.evaluation().folds(), spec.seed()),
                spec.evaluation().folds());
        for (int f = 0; f < folds.size(); f++) {
          plans.add(new RunPlan(f, 0, spec.seed() + f, folds.get(f)));
        }
      } else {
        for (long seed : seeds) {
          plans.add(
              new RunPlan(seed, 0, seed, Splits.holdOut(n, spec.target().testFraction(), seed)));
        }
      }
      return plans;
    }
    ClassLabels labels = target.labels();
    if (spec.unlabelledTarget()) {
      // unsupervised adaptation: every example is (unlabelled) training data and test data; the
      // seeds vary only the strategies' own randomness
      int[] all = new int[labels.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      for (long seed : seeds) {
        plans.add(new RunPlan(seed, 0, seed, new Split(new int[0], all)));
      }
      return plans;
    }
    switch (spec.evaluation().protocol()) {
      case "kfold" -> {
        List<Split> folds = Splits.stratifiedKFold(labels, spec.evaluation().folds(), spec.seed());
        for (int f = 0; f < folds.size(); f++) {
          plans.add(new RunPlan(f, 0, spec.seed() + f, folds.get(f)));
        }
      }
      case "budgets" -> {
        for (int budget : spec.evaluation().labelBudgets()) {
          for (long seed : seeds) {
            plans.add(new RunPlan(seed, budget, seed, Splits.kPerClass(labels, budget, seed)));
          }
        }
      }
      default -> {
        Integer k = spec.target().labelsPerClass();
        for (long seed : seeds) {
          Split split =
              k != null
                  ? Splits.kPerClass(labels, k, seed)
                  : Splits.stratifiedHoldOut(labels, spec.target().testFraction(), seed);
          plans.add(new RunPlan(seed, k == null ? 0 : k, seed, split));
        }
      }
    }
    return plans;
  }

  /**
   * The budget whose runs decide the winner: the largest one (all runs share budget 0 otherwise).
   */
  static int decidingBudget(List<RunPlan> plans) {
    return plans.stream().mapToInt(RunPlan::budget).max().orElse(0);
  }
}
