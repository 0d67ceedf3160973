package dev.graft.engine.strategy;

import dev.graft.api.transfer.TrainingBudget;

/** The wall-time end of a strategy run, from its {@link TrainingBudget}. */
final class Deadline {

  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline start(TrainingBudget budget) {
    long nanos;
    try {
      nanos = budget.maxTime().toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE / 2;
    }
    return new Deadline(System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2));
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }
}
