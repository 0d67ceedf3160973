package dev.graft.engine.strategy;

import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.train.Dataset;
import dev.graft.tensorflow.train.EarlyStopping;
import dev.graft.tensorflow.train.EpochSummary;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingListener;
import dev.graft.tensorflow.train.TrainingResult;
import java.util.Map;

/**
 * Runs the toolkit's {@link Trainer} under a strategy's budget: at most {@code epochs} epochs,
 * early stopping on the validation loss (restoring the best epoch) when validation data is given,
 * and a stop at the end of the epoch that crosses the wall-time deadline (also restoring the best
 * validation epoch). The trainer has no stop hook, so the deadline listener ends the fit by
 * throwing a private signal that is caught here.
 */
final class Fitting {

  private Fitting() {}

  /**
   * What one fit did.
   *
   * @param epochsRun epochs completed
   * @param bestEpoch the best epoch by validation loss (the last epoch without validation)
   * @param stoppedEarly whether early stopping ended it
   * @param timeUp whether the wall-time budget ended it
   */
  record Outcome(int epochsRun, int bestEpoch, boolean stoppedEarly, boolean timeUp) {

    String describe(String phase) {
      StringBuilder s = new StringBuilder(phase).append(": ").append(epochsRun).append(" epochs");
      if (stoppedEarly) {
        s.append(", early stop at epoch ")
            .append(epochsRun)
            .append(" (best ")
            .append(bestEpoch + 1)
            .append(')');
      }
      if (timeUp) {
        s.append(", stopped by the time budget");
      }
      return s.toString();
    }
  }

  /** Thrown by the deadline listener to end training at an epoch boundary. */
  private static final class TimeUp extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int epochs;

    TimeUp(int epochs) {
      super(null, null, false, false);
      this.epochs = epochs;
    }
  }

  static Outcome fit(
      GraphModel model,
      Dataset train,
      Dataset validation,
      int epochs,
      int batchSize,
      int patience,
      long seed,
      Deadline deadline) {
    TrainerConfig config = TrainerConfig.of(epochs, batchSize, seed);
    if (validation != null) {
      config =
          config.withEarlyStopping(
              new EarlyStopping(EarlyStopping.Metric.VAL_LOSS, patience, 0, true));
    }
    Clock clock = new Clock(model, deadline, epochs, validation != null);
    try {
      TrainingResult r =
          Trainer.builder()
              .setModel(model)
              .setConfig(config)
              .optListener(clock)
              .build()
              .fit(train, validation);
      return new Outcome(r.history().size(), r.bestEpoch(), r.stoppedEarly(), false);
    } catch (TimeUp t) {
      if (clock.bestWeights != null) {
        model.writeState(clock.bestWeights);
      }
      return new Outcome(t.epochs, clock.bestEpoch, false, true);
    }
  }

  /**
   * Ends training at the first epoch boundary past the deadline, keeping the weights of the best
   * validation epoch so far (as early stopping would have restored them).
   */
  private static final class Clock implements TrainingListener {
    private final GraphModel model;
    private final Deadline deadline;
    private final int epochs;
    private final boolean validated;
    private double bestLoss = Double.NaN;
    private int bestEpoch;
    private Map<String, float[]> bestWeights;

    Clock(GraphModel model, Deadline deadline, int epochs, boolean validated) {
      this.model = model;
      this.deadline = deadline;
      this.epochs = epochs;
      this.validated = validated;
    }

    @Override
    public void onEpochEnd(EpochSummary summary) {
      if (validated && summary.validation() != null) {
        double loss = summary.validation().loss();
        if (Double.isNaN(bestLoss) || loss < bestLoss) {
          bestLoss = loss;
          bestEpoch = summary.epoch();
          bestWeights = model.readWeights();
        }
      } else {
        bestEpoch = summary.epoch();
      }
      if (deadline.passed() && summary.epoch() + 1 < epochs) {
        throw new TimeUp(summary.epoch() + 1);
      }
    }
  }
}
