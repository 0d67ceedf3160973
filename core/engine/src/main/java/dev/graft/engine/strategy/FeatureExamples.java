package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TransferContext;

/** Target examples embedded by the source, as head training examples. */
final class FeatureExamples {

  private FeatureExamples() {}

  static HeadTraining.Examples labelled(Source source, Dataset<?> data) {
    return new HeadTraining.Examples(
        FeatureRows.of(source.features(data)), data.classLabels().values(), null);
  }

  /** The validation split's examples, or null when there is none (or it is unlabelled). */
  static HeadTraining.Examples validation(TransferContext context) {
    if (context.validation().isEmpty() || context.validation().get().targets().isEmpty()) {
      return null;
    }
    return labelled(context.source(), context.validation().get());
  }
}
