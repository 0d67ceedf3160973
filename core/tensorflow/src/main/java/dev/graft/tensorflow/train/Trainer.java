package dev.graft.tensorflow.train;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.nn.GraphModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Mini-batch training of a {@link GraphModel}: seeded shuffling per epoch, validation after each
 * epoch, early stopping, listeners, and atomic checkpoints with exact resume.
 *
 * <p>For a fixed model seed and {@link TrainerConfig#seed()}, two runs on CPU with the same thread
 * settings apply identical updates; a run resumed from a checkpoint ends with the same weights as
 * one that was never interrupted (the shuffle of each epoch depends only on the seed and the epoch,
 * and dropout masks only on the model seed and the global step).
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().setModel(model)
 *     .setConfig(TrainerConfig.of(10, 64, 42).withEarlyStopping(
 *         new EarlyStopping(EarlyStopping.Metric.VAL_LOSS, 2, 0, true)))
 *     .optListener(new LoggingListener(100)).build();
 * TrainingResult result = trainer.fit(train, validation);
 * }</pre>
 */
public final class Trainer {

  private final GraphModel model;
  private final TrainerConfig config;
  private final List<TrainingListener> listeners;

  private Trainer(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.config = Objects.requireNonNull(b.config, "config");
    this.listeners = List.copyOf(b.listeners);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The seed of epoch {@code epoch}'s shuffle.
   *
   * @param seed the config seed
   * @param epoch the epoch
   * @return the derived seed
   */
  static long epochSeed(long seed, int epoch) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch).nextLong();
  }

  /**
   * Trains, resuming from the checkpoint if the config asks for it and one exists.
   *
   * @param train the training data
   * @param validation validation data, or null
   * @return the history and outcome
   * @throws GraftException TRAINING_DIVERGED (naming epoch and step) if the loss becomes NaN or
   *     infinite; INVALID_CONFIG if early stopping needs a missing validation set or a checkpoint
   *     belongs to another network
   */
  public TrainingResult fit(Dataset train, Dataset validation) {
    Evaluator.checkFits(model, train, "training");
    if (validation != null) {
      Evaluator.checkFits(model, validation, "validation");
    }
    EarlyStopping es = config.earlyStopping();
    if (es != null && es.metric().needsValidation() && validation == null) {
      throw new ConfigException(
          "'earlyStopping.metric' is "
              + es.metric().jsonName()
              + " but no validation dataset was given; pass one or monitor train_loss.");
    }
    String networkJson = model.network().toJson();
    CheckpointStore store =
        config.checkpointDir() == null ? null : new CheckpointStore(config.checkpointDir());
    TrainingState st =
        new TrainingState(0, 0, 0, 0, 0, 0, Double.NaN, -1, 0, List.of(), networkJson);
    Map<String, float[]> best = Map.of();
    long resumedAt = -1;
    if (store != null && config.resume()) {
      var cp = store.read();
      if (cp.isPresent()) {
        if (!cp.get().state().networkJson().equals(networkJson)) {
          throw new ConfigException(
              "the checkpoint "
                  + store.file()
                  + " belongs to a different network than '"
                  + model.network().name()
                  + "'; use another checkpointDir or delete the file.");
        }
        model.writeState(cp.get().variables());
        st = cp.get().state();
        best = cp.get().bestWeights();
        resumedAt = model.globalStep();
      }
    }
    List<EpochSummary> history = new ArrayList<>(st.history());
    for (TrainingListener l : listeners) {
      l.onTrainingStart(st.epoch(), config);
    }
    boolean stopped = false;
    int epoch = st.epoch();
    long globalStep = model.globalStep();
    while (epoch < config.epochs() && !stopped) {
      for (TrainingListener l : listeners) {
        l.onEpochStart(epoch);
      }
      double lossSum = st.epochLossSum();
      long examples = st.epochExamples();
      int steps = st.epochSteps();
      double seconds = st.epochSeconds();
      int batchIndex = 0;
      try (BatchIterator it =
          train.batches(config.batchSize(), config.shuffle(), epochSeed(config.seed(), epoch))) {
        while (it.hasNext()) {
          Batch b = it.next();
          if (batchIndex < st.batch()) {
            batchIndex++;
            continue;
          }
          long t0 = System.nanoTime();
          float loss = model.trainStep(b.features(), b.targets(), b.weights(), b.size());
          long nanos = System.nanoTime() - t0;
          globalStep++;
          if (!Float.isFinite(loss)) {
            throw new GraftException(
                GraftErrors.TRAINING_DIVERGED,
                "the training loss is "
                    + loss
                    + " at epoch "
                    + epoch
                    + ", batch "
                    + batchIndex
                    + " (global step "
                    + globalStep
                    + ") of network '"
                    + model.network().name()
                    + "'; lower the learning rate (now "
                    + model.learningRate()
                    + "), enable gradient clipping (clipNorm) or check the inputs for NaN/inf.");
          }
          lossSum += (double) loss * b.size();
          examples += b.size();
          steps++;
          seconds += nanos / 1e9;
          batchIndex++;
          StepEvent ev = new StepEvent(epoch, batchIndex - 1, globalStep, loss, b.size(), nanos);
          for (TrainingListener l : listeners) {
            l.onStep(ev);
          }
          if (store != null
              && config.checkpointEverySteps() > 0
              && globalStep % config.checkpointEverySteps() == 0) {
            TrainingState mid =
                new TrainingState(
                    epoch,
                    batchIndex,
                    lossSum,
                    examples,
                    steps,
                    seconds,
                    st.bestValue(),
                    st.bestEpoch(),
                    st.epochsWithoutImprovement(),
                    history,
                    networkJson);
            store.write(new CheckpointStore.Checkpoint(mid, model.readState(), best));
          }
        }
      }
      if (examples == 0) {
        throw new GraftException(
            GraftErrors.EMPTY_INPUT,
            "the training dataset yielded no batches in epoch " + epoch + ".");
      }
      Evaluation val =
          validation == null ? null : Evaluator.evaluate(model, validation, config.evalBatchSize());
      EpochSummary summary =
          new EpochSummary(
              epoch, lossSum / examples, val, model.learningRate(), steps, examples, seconds);
      history.add(summary);
      double bestValue = st.bestValue();
      int bestEpoch = st.bestEpoch();
      int bad = st.epochsWithoutImprovement();
      if (es != null) {
        double v = es.metric().of(summary);
        if (es.improves(v, bestValue)) {
          bestValue = v;
          bestEpoch = epoch;
          bad = 0;
          if (es.restoreBest()) {
            best = model.readWeights();
          }
        } else {
          bad++;
          stopped = bad >= es.patience();
        }
      } else {
        bestEpoch = epoch;
      }
      for (TrainingListener l : listeners) {
        l.onEpochEnd(summary);
      }
      epoch++;
      st =
          new TrainingState(
              stopped ? config.epochs() : epoch,
              0,
              0,
              0,
              0,
              0,
              bestValue,
              bestEpoch,
              bad,
              history,
              networkJson);
      if (store != null) {
        store.write(new CheckpointStore.Checkpoint(st, model.readState(), best));
      }
    }
    stopped = stopped || (es != null && st.epochsWithoutImprovement() >= es.patience());
    if (es != null && es.restoreBest() && !best.isEmpty()) {
      model.writeState(best);
    }
    TrainingResult result =
        new TrainingResult(List.copyOf(history), st.bestEpoch(), stopped, resumedAt, globalStep);
    for (TrainingListener l : listeners) {
      l.onTrainingEnd(result);
    }
    return result;
  }

  /** Builds a {@link Trainer}. */
  public static final class Builder {
    private GraphModel model;
    private TrainerConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the model to train (required; the trainer does not close it).
     *
     * @param model the model
     * @return this builder
     */
    public Builder setModel(GraphModel model) {
      this.model = model;
      return this;
    }

    /**
     * Sets the configuration (required).
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder setConfig(TrainerConfig config) {
      this.config = config;
      return this;
    }

    /**
     * Adds a listener (optional, any number).
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder optListener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the trainer.
     *
     * @return the trainer
     */
    public Trainer build() {
      ConfigException.require(model != null, "model", null, "a GraphModel (setModel)");
      ConfigException.require(config != null, "config", null, "a TrainerConfig (setConfig)");
      return new Trainer(this);
    }
  }
}
