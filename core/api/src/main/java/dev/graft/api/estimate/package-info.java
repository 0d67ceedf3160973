/**
 * Transferability estimation: the {@link dev.graft.api.estimate.TransferabilityEstimator} extension
 * point, its {@link dev.graft.api.estimate.EstimationInput} and {@link
 * dev.graft.api.estimate.TransferabilityScore}.
 */
package dev.graft.api.estimate;
