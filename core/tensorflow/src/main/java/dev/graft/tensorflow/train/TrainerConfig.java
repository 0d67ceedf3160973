package dev.graft.tensorflow.train;

import dev.graft.api.error.ConfigException;
import java.nio.file.Path;

/**
 * How the {@link Trainer} runs.
 *
 * @param epochs the maximum number of epochs, positive
 * @param batchSize examples per training step, positive
 * @param seed the shuffle seed (epoch e shuffles with a seed derived from (seed, e))
 * @param shuffle whether to shuffle each epoch
 * @param evalBatchSize examples per validation batch, positive
 * @param earlyStopping early stopping, or null for none
 * @param checkpointDir where checkpoints are written, or null for none
 * @param checkpointEverySteps also checkpoint every this many steps (0 = at epoch ends only)
 * @param resume whether to resume from the checkpoint in {@code checkpointDir} if one exists
 */
public record TrainerConfig(
    int epochs,
    int batchSize,
    long seed,
    boolean shuffle,
    int evalBatchSize,
    EarlyStopping earlyStopping,
    Path checkpointDir,
    int checkpointEverySteps,
    boolean resume) {

  /** Validates the fields. */
  public TrainerConfig {
    ConfigException.require(epochs > 0, "epochs", epochs, "positive");
    ConfigException.require(batchSize > 0, "batchSize", batchSize, "positive");
    ConfigException.require(evalBatchSize > 0, "evalBatchSize", evalBatchSize, "positive");
    ConfigException.require(
        checkpointEverySteps >= 0, "checkpointEverySteps", checkpointEverySteps, "0 or more");
    ConfigException.require(
        !resume || checkpointDir != null, "resume", true, "false unless checkpointDir is set");
  }

  /**
   * A config with shuffling, evaluation batches of 256, no early stopping and no checkpoints.
   *
   * @param epochs the number of epochs
   * @param batchSize examples per step
   * @param seed the shuffle seed
   * @return the config
   */
  public static TrainerConfig of(int epochs, int batchSize, long seed) {
    return new TrainerConfig(epochs, batchSize, seed, true, 256, null, null, 0, false);
  }

  /**
   * A copy with early stopping.
   *
   * @param es the early stopping rule
   * @return the new config
   */
  public TrainerConfig withEarlyStopping(EarlyStopping es) {
    return new TrainerConfig(
        epochs,
        batchSize,
        seed,
        shuffle,
        evalBatchSize,
        es,
        checkpointDir,
        checkpointEverySteps,
        resume);
  }

  /**
   * A copy that checkpoints to {@code dir} (at epoch ends and every {@code everySteps} steps) and
   * resumes from it.
   *
   * @param dir the checkpoint directory
   * @param everySteps steps between checkpoints within an epoch (0 = epoch ends only)
   * @return the new config
   */
  public TrainerConfig withCheckpoints(Path dir, int everySteps) {
    return new TrainerConfig(
        epochs, batchSize, seed, shuffle, evalBatchSize, earlyStopping, dir, everySteps, true);
  }
}
