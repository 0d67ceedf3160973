package dev.graft.engine.strategy;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.source.InputEncoder;
import dev.graft.api.source.Source;
import dev.graft.engine.source.GraftModels;
import dev.graft.engine.source.InputEncoders;
import dev.graft.tensorflow.nn.TrainedNetwork;
import java.nio.file.Path;
import java.util.Map;

/**
 * A trainable source's network read back from its Graft model folder, with the input spec and the
 * encoder of its input kind: what {@code scratch}, {@code fine-tune} and {@code linear-probe}
 * rebuild and train.
 *
 * @param network the network spec, loss and weights
 * @param inputSpec the input spec of its manifest (kind included)
 * @param encoder the encoder of its input kind
 */
record SourceNetwork(TrainedNetwork network, Map<String, Object> inputSpec, InputEncoder encoder) {

  /** The name of the target head layer that replaces the source's classifier. */
  static final String HEAD = "head";

  static SourceNetwork load(Source source, InputEncoders encoders, String strategyId) {
    Path dir =
        source
            .modelDirectory()
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "strategy '"
                            + strategyId
                            + "' needs a trainable Graft model but source "
                            + source.descriptor().id()
                            + " has no model folder (it is a frozen extractor or a data set);"
                            + " use linear-probe, or a model-store source."));
    TrainedNetwork network = TrainedNetwork.load(dir);
    Map<String, Object> spec = GraftModels.inputSpec(network.manifest(), dir);
    String kind = GraftModels.inputKind(spec, dir);
    return new SourceNetwork(network, spec, encoders.forKind(kind, source.descriptor().id()));
  }
}
