/**
 * What all extension points share: {@link dev.graft.api.extension.GraftExtension} (stable id,
 * description, capabilities) and the vocabulary of {@link dev.graft.api.extension.Modality}, {@link
 * dev.graft.api.extension.TaskType} and {@link dev.graft.api.extension.Requirement}.
 *
 * <p>The extension points themselves live with their domain types: {@link
 * dev.graft.api.data.DatasetReader}, {@link dev.graft.api.source.SourceLoader}, {@link
 * dev.graft.api.estimate.TransferabilityEstimator}, {@link dev.graft.api.transfer.TransferStrategy}
 * and {@link dev.graft.api.evaluate.Evaluator}.
 */
package dev.graft.api.extension;
