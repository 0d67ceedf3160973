package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.transfer.TransferContext;
import java.util.List;

/**
 * The target's labelled splits encoded for a source network: training data (augmented per epoch if
 * asked) and validation data for early stopping.
 *
 * @param train the training examples
 * @param validation the validation examples, or null
 * @param classNames the target's classes, in output order
 */
record TargetData(EncodedData train, EncodedData validation, List<String> classNames) {

  static TargetData encode(SourceNetwork source, TransferContext context, boolean augment) {
    List<String> names = Runs.classNames(context);
    int size = source.network().network().input().exampleSize();
    EncodedData train =
        EncodedData.labelled(
            source.encoder(), context.train(), source.inputSpec(), names.size(), augment, size);
    EncodedData validation = null;
    if (context.validation().isPresent() && context.validation().get().targets().isPresent()) {
      Dataset<?> v = context.validation().get();
      validation =
          EncodedData.labelled(source.encoder(), v, source.inputSpec(), names.size(), false, size);
    }
    return new TargetData(train, validation, names);
  }
}
