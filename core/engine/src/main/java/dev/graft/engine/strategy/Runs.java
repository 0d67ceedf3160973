package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.engine.GraftVersion;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** What every strategy run shares: seeds, networks, provenance and the result. */
final class Runs {

  private Runs() {}

  /**
   * A seed derived from the run's seed for one purpose, so that initialisation, shuffling and
   * augmentation draw independent streams.
   */
  static long derive(long seed, int purpose) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (purpose + 1))).nextLong();
  }

  static GraphModel network(
      NetworkSpec spec,
      FineTuning fineTuning,
      double learningRate,
      long seed,
      DeviceConfig device) {
    return network(spec, LossSpec.softmaxCrossEntropy(), fineTuning, learningRate, seed, device);
  }

  static GraphModel network(
      NetworkSpec spec,
      LossSpec loss,
      FineTuning fineTuning,
      double learningRate,
      long seed,
      DeviceConfig device) {
    return GraphModel.builder()
        .setNetwork(spec)
        .setLoss(loss)
        .optOptimizer(OptimizerSpec.adam(learningRate))
        .optFineTuning(fineTuning)
        .optSeed(seed)
        .optDevice(device)
        .build();
  }

  static List<String> classNames(TransferContext context) {
    if (context.train().targets().isEmpty()) {
      var known = context.train().info().classNames();
      if (known.isPresent()) {
        return known.get();
      }
    }
    return context.train().classLabels().names();
  }

  static Provenance provenance(
      String strategyId, TransferContext context, DeviceConfig device, List<String> notes) {
    Provenance.Builder b =
        Provenance.builder("model")
            .put("graft.version", GraftVersion.current())
            .put("java.version", System.getProperty("java.version"))
            .put("device", device.label())
            .put("strategy.id", strategyId)
            .put("source.id", context.source().descriptor().id())
            .put(
                "modality",
                context.source().descriptor().modality().name().toLowerCase(java.util.Locale.ROOT))
            .put("seed", context.seed())
            .put("data.train", context.train().info().name() + " (" + context.train().size() + ")")
            .putAll("config.", context.options());
    String digest = context.source().descriptor().properties().get("digest");
    if (digest != null) {
      b.put("source.digest", digest);
    }
    for (int i = 0; i < notes.size(); i++) {
      b.put("note." + i, notes.get(i));
    }
    return b.build();
  }

  /**
   * Builds the result, measuring the model on the validation split when there is one. Closes the
   * model if measuring fails.
   */
  static TransferResult result(
      String strategyId,
      TransferContext context,
      TrainedModel model,
      List<String> notes,
      Provenance provenance) {
    try {
      List<Metric> metrics = List.of();
      Optional<Dataset<?>> validation = context.validation();
      if (validation.isPresent() && validation.get().targets().isPresent()) {
        Dataset<?> v = validation.get();
        metrics = TargetTask.of(v).evaluate(model.predict(v), v.targets().orElseThrow());
      }
      return new TransferResult(
          strategyId, context.source().descriptor().id(), model, metrics, notes, provenance);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
