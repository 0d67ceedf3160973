package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.engine.source.InputEncoders;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkSpec;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of a strategy that trains the source's architecture with a new head on the target's
 * labelled examples ({@code scratch}, {@code linear-probe} on a Graft model, {@code fine-tune}):
 * the source network, the encoded target data, the shared settings and the time budget, with the
 * steps they all take: build a network, fit it, and wrap it as a {@link NetworkModel} result.
 *
 * @param strategyId the strategy's extension id
 * @param context the transfer context
 * @param device where networks train
 * @param source the source network, its input spec and encoder
 * @param data the encoded target splits and task
 * @param spec the source's architecture with the new {@link SourceNetwork#HEAD head}
 * @param settings rate, batch size, patience, epochs
 * @param deadline the time budget
 */
record NetworkTraining(
    String strategyId,
    TransferContext context,
    DeviceConfig device,
    SourceNetwork source,
    TargetData data,
    NetworkSpec spec,
    HeadSettings settings,
    Deadline deadline) {

  /** Loads the source network and encodes the target's splits for it. */
  static NetworkTraining start(
      String strategyId,
      TransferContext context,
      InputEncoders encoders,
      DeviceConfig device,
      HeadSettings settings,
      boolean augment,
      Deadline deadline) {
    SourceNetwork source = SourceNetwork.load(context.source(), encoders, strategyId);
    TargetData data = TargetData.encode(source, context, augment);
    NetworkSpec spec =
        source.network().network().withDenseHead(SourceNetwork.HEAD, data.task().outputs());
    return new NetworkTraining(strategyId, context, device, source, data, spec, settings, deadline);
  }

  /** A new network of {@link #spec} with the task's loss (the caller owns it). */
  GraphModel network(FineTuning fineTuning, double learningRate, int seedPurpose) {
    return Runs.network(
        spec,
        data.task().loss(),
        fineTuning,
        learningRate,
        Runs.derive(context.seed(), seedPurpose),
        device);
  }

  /** Copies the source's trained backbone into a network of {@link #spec}. */
  void transferBackbone(GraphModel network) {
    source.network().transferBackbone(network);
  }

  /** Fits a network on the target's training split, early-stopped on its validation split. */
  Fitting.Outcome fit(GraphModel network, int epochs, int seedPurpose) {
    return Fitting.fit(
        network,
        data.train(),
        data.validation(),
        epochs,
        settings.batchSize(),
        settings.patience(),
        Runs.derive(context.seed(), seedPurpose),
        deadline);
  }

  /**
   * Initialises and fits a network, then wraps it as the run's result. The network is closed if
   * anything fails; otherwise the result's model owns it.
   *
   * @param network a network of {@link #spec}
   * @param init what to load into it before fitting (e.g. {@link #transferBackbone})
   * @param epochs the most epochs to fit
   * @param seedPurpose the purpose the shuffling seed is derived for
   * @param notes notes of earlier phases; the fit's note is added
   * @param describe the fit's note
   * @return the result
   */
  TransferResult trainAndWrap(
      GraphModel network,
      Consumer<GraphModel> init,
      int epochs,
      int seedPurpose,
      List<String> notes,
      Function<Fitting.Outcome, String> describe) {
    try {
      init.accept(network);
      Fitting.Outcome fit = fit(network, epochs, seedPurpose);
      notes.add(describe.apply(fit));
      Provenance provenance = Runs.provenance(strategyId, context, device, notes);
      NetworkModel model =
          new NetworkModel(
              network, source.encoder(), source.inputSpec(), data.task().classNames(), provenance);
      network = null;
      return Runs.result(strategyId, context, model, notes, provenance);
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }
}
