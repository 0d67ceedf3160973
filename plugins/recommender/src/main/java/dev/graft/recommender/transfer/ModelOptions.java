package dev.graft.recommender.transfer;

import dev.graft.api.error.ConfigException;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The model options every recommender strategy accepts, with defaults that depend on the feedback:
 * {@code objective} ({@code mse} for explicit ratings, {@code bpr} for implicit; or {@code
 * sampled-softmax}), {@code dimension} (32), {@code epochs} (60, capped by the job's budget),
 * {@code batch-size} (256), {@code learning-rate} (Adagrad; 0.1 for MSE, 4.0 for the implicit
 * losses), {@code l2} (0.02 / 0.01), {@code negatives} (4 for BPR, 32 for sampled softmax), {@code
 * content-hidden} (0 = no content tower).
 */
public final class ModelOptions {

  /** Option names this class reads. */
  public static final List<String> NAMES =
      List.of(
          "objective",
          "dimension",
          "epochs",
          "batch-size",
          "learning-rate",
          "l2",
          "negatives",
          "content-hidden");

  private ModelOptions() {}

  /**
   * Builds the model configuration.
   *
   * @param options the strategy options
   * @param extra option names the caller reads itself
   * @param catalog the target catalogue (feedback, content)
   * @param budget the job's training budget
   * @param seed the run's seed
   * @param strategy the strategy id, for errors
   * @return the configuration
   * @throws ConfigException naming an unknown option or a bad value
   */
  public static FactorConfig parse(
      Map<String, String> options,
      List<String> extra,
      Catalog catalog,
      TrainingBudget budget,
      long seed,
      String strategy) {
    List<String> known = new ArrayList<>(NAMES);
    known.addAll(extra);
    for (String k : new TreeSet<>(options.keySet())) {
      if (!known.contains(k)) {
        throw new ConfigException(
            where(strategy) + " has no option '" + k + "'; known: " + known + ".");
      }
    }
    boolean explicit = catalog.feedback() == Feedback.EXPLICIT;
    Objective objective =
        options.containsKey("objective")
            ? objective(options.get("objective"), strategy)
            : explicit ? Objective.MSE : Objective.BPR;
    int dimension = integer(options, "dimension", 32, strategy);
    int epochs = Math.min(budget.maxEpochs(), integer(options, "epochs", 60, strategy));
    int batch = integer(options, "batch-size", 256, strategy);
    boolean mse = objective == Objective.MSE;
    double lr = real(options, "learning-rate", mse ? 0.1 : 4.0, strategy);
    double l2 = real(options, "l2", mse ? 0.02 : 0.01, strategy);
    int negatives =
        integer(
            options,
            "negatives",
            objective == Objective.SAMPLED_SOFTMAX ? 32 : mse ? 0 : 4,
            strategy);
    int hidden = integer(options, "content-hidden", 0, strategy);
    return new FactorConfig(
        objective, dimension, epochs, batch, lr, l2, negatives, true, hidden, 0.1, 0, seed);
  }

  /** How errors name the options: a strategy's job options, or a command's flags. */
  private static String where(String owner) {
    return owner.startsWith("graft ") ? owner : "strategies[" + owner + "].options";
  }

  private static String option(String owner, String key) {
    return owner.startsWith("graft ") ? owner + " --" + key : where(owner) + "." + key;
  }

  static Objective objective(String text, String strategy) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "mse" -> Objective.MSE;
      case "bpr" -> Objective.BPR;
      case "sampled-softmax", "softmax" -> Objective.SAMPLED_SOFTMAX;
      default ->
          throw new ConfigException(
              option(strategy, "objective")
                  + " is '"
                  + text
                  + "'; use mse, bpr or sampled-softmax.");
    };
  }

  static int integer(Map<String, String> o, String key, int def, String strategy) {
    String v = o.get(key);
    if (v == null) {
      return def;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(option(strategy, key) + " is '" + v + "'; use a whole number.");
    }
  }

  static double real(Map<String, String> o, String key, double def, String strategy) {
    String v = o.get(key);
    if (v == null) {
      return def;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(option(strategy, key) + " is '" + v + "'; use a number.");
    }
  }
}
