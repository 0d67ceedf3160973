package dev.graft.tensorflow.train;

/**
 * One completed training step.
 *
 * @param epoch the 0-based epoch
 * @param batch the 0-based batch index within the epoch
 * @param globalStep updates applied so far, this one included
 * @param loss the batch loss (before the update)
 * @param batchSize examples in the batch
 * @param nanos wall time of the step (feeding included)
 */
public record StepEvent(
    int epoch, int batch, long globalStep, double loss, int batchSize, long nanos) {}
