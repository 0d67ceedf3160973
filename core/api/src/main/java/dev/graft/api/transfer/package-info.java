/**
 * Transfer: the {@link dev.graft.api.transfer.TransferStrategy} extension point, its {@link
 * dev.graft.api.transfer.TransferContext}, the {@link dev.graft.api.transfer.TrainedModel} it
 * returns, and {@link dev.graft.api.transfer.TransferResult}.
 */
package dev.graft.api.transfer;
