package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.tensorflow.nn.GraphModel;
import java.util.List;

/**
 * The target in a source's feature space, for the strategies that learn there (CORAL,
 * self-training, KMM, TrAdaBoost): the labelled training examples, the validation examples and the
 * unlabelled pool, each embedded once by the source.
 */
final class FeatureTask {

  private FeatureTask() {}

  /** The labelled target training examples, or null when the training split has no labels. */
  static HeadTraining.Examples labelled(TransferContext context) {
    Dataset<?> train = context.train();
    if (train.size() == 0 || train.targets().isEmpty()) {
      return null;
    }
    return FeatureExamples.labelled(context.source(), train);
  }

  /** The unlabelled target pool's features. */
  static FeatureRows pool(TransferContext context, String strategyId) {
    Dataset<?> pool =
        context
            .unlabelledTarget()
            .filter(d -> d.size() > 0)
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "strategy '"
                            + strategyId
                            + "' needs unlabelled target examples but the run gave none; use a"
                            + " protocol that passes the test pool, or another strategy."));
    return FeatureRows.of(context.source().features(pool));
  }

  /** The target's class names: from its labels, or else the given fallback. */
  static List<String> classNames(TransferContext context, List<String> fallback) {
    return context.train().targets().isPresent() || context.train().info().classNames().isPresent()
        ? Runs.classNames(context)
        : fallback;
  }

  /** Wraps a trained head as a {@link FeatureHeadModel} result; closes the head on failure. */
  static TransferResult result(
      String strategyId,
      TransferContext context,
      DeviceConfig device,
      GraphModel head,
      List<String> classNames,
      List<String> notes) {
    FeatureHeadModel model;
    try {
      Provenance provenance = Runs.provenance(strategyId, context, device, notes);
      model = new FeatureHeadModel(context.source(), head, classNames, provenance);
    } catch (RuntimeException e) {
      head.close();
      throw e;
    }
    return Runs.result(strategyId, context, model, notes, model.provenance());
  }
}
