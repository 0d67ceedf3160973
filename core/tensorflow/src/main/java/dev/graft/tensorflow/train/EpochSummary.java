package dev.graft.tensorflow.train;

/**
 * What one epoch achieved.
 *
 * @param epoch the 0-based epoch
 * @param trainLoss the mean training loss over the epoch's examples
 * @param validation validation metrics, or null without a validation set
 * @param learningRate the learning rate at the end of the epoch
 * @param steps the steps run in the epoch
 * @param examples the examples seen in the epoch
 * @param seconds the wall time of the epoch's training steps (validation excluded)
 */
public record EpochSummary(
    int epoch,
    double trainLoss,
    Evaluation validation,
    double learningRate,
    int steps,
    long examples,
    double seconds) {

  /**
   * Training throughput.
   *
   * @return examples per second
   */
  public double examplesPerSecond() {
    return seconds > 0 ? examples / seconds : 0;
  }
}
