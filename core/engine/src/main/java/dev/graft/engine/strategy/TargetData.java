package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.transfer.TransferContext;

/**
 * The target's labelled splits encoded for a source network: training data (augmented per epoch if
 * asked) and validation data for early stopping.
 *
 * @param train the training examples
 * @param validation the validation examples, or null
 * @param task what the network predicts: the target's classes or real-valued outputs
 */
record TargetData(EncodedData train, EncodedData validation, TargetTask task) {

  static TargetData encode(SourceNetwork source, TransferContext context, boolean augment) {
    TargetTask task = TargetTask.of(context.train());
    int size = source.network().network().input().exampleSize();
    EncodedData train =
        EncodedData.labelled(
            source.encoder(), context.train(), source.inputSpec(), task, augment, size);
    EncodedData validation = null;
    if (context.validation().isPresent() && context.validation().get().targets().isPresent()) {
      Dataset<?> v = context.validation().get();
      validation = EncodedData.labelled(source.encoder(), v, source.inputSpec(), task, false, size);
    }
    return new TargetData(train, validation, task);
  }
}
