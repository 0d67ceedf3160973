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
 * @param metric the metric that picks the winner, e.g. {@code accuracy} or {@code macro-f1}
 */
public record EvaluationSpec(
    String protocol,
    Integer seeds,
    Integer folds,
    @JsonProperty("label-budgets") List<Integer> labelBudgets,
    String metric) {

  /** The protocols a job may name. */
  public static final List<String> PROTOCOLS = List.of("holdout", "kfold", "budgets");

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
    metric = metric == null ? "accuracy" : metric;
  }

  /**
   * The defaults: holdout, 3 seeds, accuracy.
   *
   * @return the spec
   */
  public static EvaluationSpec defaults() {
    return new EvaluationSpec(null, null, null, null, null);
  }
}
