package dev.graft.api.transfer;

import dev.graft.api.extension.GraftExtension;

/**
 * Turns a source and target data into a target model: linear probe, fine-tuning, CORAL, instance
 * weighting (KMM, TrAdaBoost), self-training, ensembles, and {@code scratch} — the baseline every
 * report compares against.
 *
 * <p>Requirements ({@code TARGET_LABELS}, {@code UNLABELLED_TARGET}, {@code SOURCE_DATA}, {@code
 * TRAINABLE_SOURCE}) are declared in {@link #capabilities()}; the pipeline schedules a strategy
 * only when they are met and reports why it skipped the others. A strategy is deterministic for a
 * given seed on CPU.
 */
public interface TransferStrategy extends GraftExtension {

  /**
   * Runs the transfer.
   *
   * @param context source, target splits, budget, seed, options, work folder
   * @return the trained model and what happened
   * @throws dev.graft.api.error.GraftException GRAFT-EXT-001 if a requirement is not met, or
   *     GRAFT-TRAIN-001 if training diverges
   */
  TransferResult transfer(TransferContext context);
}
