package dev.graft.engine.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.graft.api.error.ConfigException;
import java.util.List;
import java.util.Locale;

/**
 * How a job evaluates the models it trains.
 *
 * @param protocol {@code holdout} (the target split, repeated over seeds), {@code kfold}
 *     (stratified k-fold on the labelled data) or {@code budgets} (a learning curve over {@code
 *     labelBudgets} labels per class)
 * @param seeds repetitions with different seeds; intervals are 95% Student-t over these
 * @param folds folds for {@code kfold}
 * @param labelBudgets labels per class for {@code budgets}, e.g. {@code [1, 5, 10]}
 * @param metric the metric that picks the winner, e.g. {@code accuracy} or {@code macro-f1}; for
 *     other tasks any metric the evaluator returns, e.g. {@code ndcg@10}
 * @param task {@code classification} (the default: class labels, k labels per class) or {@code
 *     ranking} (the target's truth is a relevance matrix, e.g. held-out interactions per user;
 *     examples are split at random, not per class)
 * @param evaluator the evaluator extension that measures every run; defaults to the task's own
 *     ({@code classification} or {@code ranking})
 * @param baseline the strategy every other is judged against by the negative-transfer guard;
 *     defaults to {@code scratch}, or {@code source-only} when a classification target has no
 *     labels ({@code labels-per-class: 0}); a ranking job names its own (e.g. the plugin's
 *     target-only model)
 */
public record EvaluationSpec(
    String protocol,
    Integer seeds,
    Integer folds,
    @JsonProperty("label-budgets") List<Integer> labelBudgets,
    String metric,
    String task,
    String evaluator,
    String baseline) {

  /** The protocols a job may name. */
  public static final List<String> PROTOCOLS = List.of("holdout", "kfold", "budgets");

  /** The classification task (the default). */
  public static final String CLASSIFICATION = "classification";

  /** The ranking task. */
  public static final String RANKING = "ranking";

  /** The tasks a job may name. */
  public static final List<String> TASKS = List.of(CLASSIFICATION, RANKING);

  /**
   * A spec of the default (classification) task.
   *
   * @param protocol the protocol
   * @param seeds repetitions
   * @param folds folds for kfold
   * @param labelBudgets budgets for the learning curve
   * @param metric the deciding metric
   */
  public EvaluationSpec(
      String protocol, Integer seeds, Integer folds, List<Integer> labelBudgets, String metric) {
    this(protocol, seeds, folds, labelBudgets, metric, null, null, null);
  }

  /** Validates and fills defaults. */
  public EvaluationSpec {
    protocol = protocol == null ? "holdout" : protocol.toLowerCase(Locale.ROOT);
    ConfigException.require(
        PROTOCOLS.contains(protocol),
        "evaluation.protocol",
        "'" + protocol + "'" + Suggestions.hint(protocol, PROTOCOLS),
        "one of " + PROTOCOLS);
    seeds = seeds == null ? 3 : seeds;
    ConfigException.require(seeds >= 1 && seeds <= 100, "evaluation.seeds", seeds, "1 to 100");
    folds = folds == null ? 5 : folds;
    ConfigException.require(folds >= 2 && folds <= 50, "evaluation.folds", folds, "2 to 50");
    labelBudgets = labelBudgets == null ? List.of() : List.copyOf(labelBudgets);
    for (Integer b : labelBudgets) {
      ConfigException.require(b != null && b >= 1, "evaluation.label-budgets[]", b, "1 or more");
    }
    ConfigException.require(
        !protocol.equals("budgets") || !labelBudgets.isEmpty(),
        "evaluation.label-budgets",
        "empty",
        "at least one budget when protocol is 'budgets'");
    task = task == null ? CLASSIFICATION : task.toLowerCase(Locale.ROOT);
    ConfigException.require(
        TASKS.contains(task),
        "evaluation.task",
        "'" + task + "'" + Suggestions.hint(task, TASKS),
        "one of " + TASKS);
    ConfigException.require(
        !(task.equals(RANKING) && protocol.equals("budgets")),
        "evaluation.protocol",
        "'budgets'",
        "holdout or kfold for a ranking task (label budgets are per class)");
    metric = metric == null ? (task.equals(RANKING) ? "ndcg@10" : "accuracy") : metric;
    evaluator = evaluator == null || evaluator.isBlank() ? task : evaluator;
    ConfigException.require(
        baseline == null || !baseline.isBlank(), "evaluation.baseline", "''", "a strategy id");
  }

  /**
   * Whether the task is classification.
   *
   * @return true for {@code classification}
   */
  public boolean classification() {
    return task.equals(CLASSIFICATION);
  }

  /**
   * The defaults: holdout, 3 seeds, accuracy.
   *
   * @return the spec
   */
  public static EvaluationSpec defaults() {
    return new EvaluationSpec(null, null, null, null, null, null, null, null);
  }
}
