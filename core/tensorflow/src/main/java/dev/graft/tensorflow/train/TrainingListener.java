package dev.graft.tensorflow.train;

/**
 * Callbacks from the {@link Trainer}. Every method has an empty default. A listener that throws
 * aborts training (the last checkpoint stays usable).
 */
public interface TrainingListener {

  /**
   * Before the first epoch (or the first resumed epoch).
   *
   * @param startEpoch the epoch training starts at (non-zero when resuming)
   * @param config the configuration
   */
  default void onTrainingStart(int startEpoch, TrainerConfig config) {}

  /**
   * Before an epoch.
   *
   * @param epoch the 0-based epoch
   */
  default void onEpochStart(int epoch) {}

  /**
   * After every step.
   *
   * @param event the step
   */
  default void onStep(StepEvent event) {}

  /**
   * After an epoch's validation.
   *
   * @param summary the epoch
   */
  default void onEpochEnd(EpochSummary summary) {}

  /**
   * After training ends normally (including early stopping).
   *
   * @param result the outcome
   */
  default void onTrainingEnd(TrainingResult result) {}
}
