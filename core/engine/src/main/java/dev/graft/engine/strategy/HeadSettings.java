package dev.graft.engine.strategy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a network or head trains, from the options every strategy shares: {@code lr} (Adam learning
 * rate), {@code batch-size} and {@code patience} (epochs without validation improvement before
 * early stopping); the epoch limit comes from the budget.
 *
 * @param learningRate the Adam learning rate
 * @param batchSize examples per step
 * @param patience early-stopping patience
 * @param epochs the most epochs
 */
record HeadSettings(double learningRate, int batchSize, int patience, int epochs) {

  /** The option names every strategy understands. */
  static final Set<String> COMMON = Set.of("lr", "batch-size", "patience");

  /** The option names a strategy understands: {@link #COMMON} plus its own. */
  static Set<String> options(String... own) {
    Set<String> names = new HashSet<>(COMMON);
    names.addAll(List.of(own));
    return Set.copyOf(names);
  }

  static HeadSettings from(StrategyOptions options, double defaultRate, int epochs) {
    return new HeadSettings(
        options.number("lr", defaultRate, 0, 10, true),
        options.integer("batch-size", 32, 1, 65536),
        options.integer("patience", 5, 1, 10000),
        epochs);
  }
}
