package dev.graft.engine.evaluate.protocol;

import dev.graft.api.evaluate.Metric;
import java.util.List;

/** One run of an experiment at a given seed: split, train and evaluate, return the metrics. */
@FunctionalInterface
public interface SeededRun {

  /**
   * Runs once.
   *
   * @param seed the seed for every random choice of this run (split, initialisation, shuffling)
   * @return the metrics; every run of one experiment reports the same metric names
   */
  List<Metric> run(long seed);
}
