package dev.graft.sdk.train;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.ConfigException;
import dev.graft.sdk.store.ModelStoreWriter;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.train.Dataset;
import dev.graft.tensorflow.train.EarlyStopping;
import dev.graft.tensorflow.train.EpochSummary;
import dev.graft.tensorflow.train.Evaluator;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingListener;
import dev.graft.tensorflow.train.TrainingResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains a classifier network on a source data set and stores it as a Graft source model: the part
 * of {@code graft pretrain} every modality shares.
 *
 * <p>The run: the network built by the caller for its input and class count; Adam with softmax
 * cross-entropy; with validation data, early stopping on the validation loss with the best epoch's
 * weights restored; export into {@code <store>/<name>/} through {@link ModelStoreWriter}
 * (atomically: an earlier model of that name is replaced only once the new one is complete) with
 * the modality's input spec, the class names and provenance (the caller's entries plus the training
 * facts: epochs run, best epoch, validation accuracy, final loss, hyper-parameters). The training
 * data may differ per epoch (e.g. re-augmented from the trainer's per-pass seed); the same inputs
 * and seed give the same model.
 *
 * <p>Instances are stateless apart from the device and progress sink; a run owns its native
 * resources and releases them before returning.
 */
public final class ClassifierPretrainer {

  private final DeviceConfig device;
  private final Consumer<String> progress;

  /**
   * Creates a pretrainer.
   *
   * @param device where to train (e.g. {@link DeviceConfig#cpu()})
   * @param progress receives one line per epoch
   */
  public ClassifierPretrainer(DeviceConfig device, Consumer<String> progress) {
    this.device = Objects.requireNonNull(device, "device");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What to train and where to store it.
   *
   * @param network the classifier (its output width is the number of classes)
   * @param labels class names in output order
   * @param train training examples with one-hot class targets
   * @param validation held-out examples for early stopping, or {@code null} for none
   * @param inputSpec the modality input spec written into the manifest (with {@code kind})
   * @param provenance the caller's provenance entries (data set, recipe, producer …)
   * @param epochs the maximum number of epochs, 1 or more
   * @param batchSize examples per Adam step, 1 or more
   * @param learningRate Adam's learning rate, positive
   * @param patience epochs without a better validation loss before stopping, 1 or more
   * @param seed the seed of the initial weights and the shuffling
   * @param target the model folder, e.g. {@code ~/.graft/models/fortunes-topics}
   */
  public record Request(
      NetworkSpec network,
      List<String> labels,
      Dataset train,
      Dataset validation,
      Map<String, Object> inputSpec,
      Map<String, ?> provenance,
      int epochs,
      int batchSize,
      double learningRate,
      int patience,
      long seed,
      Path target) {

    /** Validates the values. */
    public Request {
      ConfigException.require(network != null, "network", null, "a network spec");
      ConfigException.require(
          labels != null && labels.size() >= 2, "labels", labels, "two or more class names");
      ConfigException.require(train != null && train.size() > 0, "train", null, "training data");
      ConfigException.require(
          train.targetWidth() == labels.size(),
          "train",
          train.targetWidth(),
          "one-hot targets as wide as the " + labels.size() + " labels");
      ConfigException.require(inputSpec != null, "inputSpec", null, "an input spec map");
      ConfigException.require(epochs >= 1, "--epochs", epochs, "1 or more");
      ConfigException.require(batchSize >= 1, "--batch-size", batchSize, "1 or more");
      ConfigException.require(
          learningRate > 0 && Double.isFinite(learningRate),
          "--learning-rate",
          learningRate,
          "a positive number");
      ConfigException.require(patience >= 1, "--patience", patience, "1 or more");
      ConfigException.require(target != null, "target", null, "a model folder");
      labels = List.copyOf(labels);
      inputSpec = Map.copyOf(inputSpec);
      provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }
  }

  /**
   * What a run produced.
   *
   * @param model the stored model folder (absolute)
   * @param epochsRun epochs actually run
   * @param bestEpoch the 1-based epoch whose weights were kept
   * @param validationAccuracy accuracy on the validation data, NaN without any
   * @param finalTrainLoss the last epoch's training loss
   * @param provenance the provenance as written into the manifest
   * @param seconds wall time of the run
   */
  public record Outcome(
      Path model,
      int epochsRun,
      int bestEpoch,
      double validationAccuracy,
      double finalTrainLoss,
      Map<String, Object> provenance,
      double seconds) {}

  /**
   * Trains and stores the model.
   *
   * @param request what to train
   * @return the outcome
   * @throws dev.graft.api.error.GraftException GRAFT-IO-002 if the model folder cannot be written
   */
  public Outcome run(Request request) {
    long started = System.nanoTime();
    try (GraphModel model =
        GraphModel.builder()
            .setNetwork(request.network())
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(request.learningRate()))
            .optSeed(request.seed())
            .optDevice(device)
            .build()) {
      TrainerConfig config =
          TrainerConfig.of(request.epochs(), request.batchSize(), request.seed());
      if (request.validation() != null) {
        config =
            config.withEarlyStopping(
                new EarlyStopping(EarlyStopping.Metric.VAL_LOSS, request.patience(), 0, true));
      }
      TrainingResult result =
          Trainer.builder()
              .setModel(model)
              .setConfig(config)
              .optListener(new Progress(progress, request.epochs()))
              .build()
              .fit(request.train(), request.validation());
      double accuracy =
          request.validation() == null
              ? Double.NaN
              : Evaluator.evaluate(model, request.validation(), 256).accuracy();
      Map<String, Object> provenance = provenance(request, result, accuracy);
      ModelStoreWriter.write(
          model, request.labels(), request.inputSpec(), provenance, request.target());
      return new Outcome(
          request.target().toAbsolutePath().normalize(),
          result.history().size(),
          result.bestEpoch() + 1,
          accuracy,
          result.last().trainLoss(),
          Map.copyOf(provenance),
          (System.nanoTime() - started) / 1e9);
    }
  }

  private static Map<String, Object> provenance(
      Request request, TrainingResult result, double accuracy) {
    Map<String, Object> p = new LinkedHashMap<>(request.provenance());
    p.put("networkName", request.network().name());
    p.put("trainExamples", request.train().size());
    p.put("validationExamples", request.validation() == null ? 0 : request.validation().size());
    p.put("epochs", request.epochs());
    p.put("epochsRun", result.history().size());
    p.put("bestEpoch", result.bestEpoch() + 1);
    p.put("stoppedEarly", result.stoppedEarly());
    p.put("batchSize", request.batchSize());
    p.put("learningRate", request.learningRate());
    p.put("patience", request.patience());
    p.put("seed", request.seed());
    p.put("finalTrainLoss", result.last().trainLoss());
    if (!Double.isNaN(accuracy)) {
      p.put("validationAccuracy", accuracy);
    }
    return p;
  }

  /** Reports each epoch. */
  private record Progress(Consumer<String> out, int epochs) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochSummary s) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "epoch %d/%d: loss %.4f", s.epoch() + 1, epochs, s.trainLoss()));
      if (s.validation() != null) {
        line.append(
            String.format(
                Locale.ROOT,
                ", val_loss %.4f, val_accuracy %.4f",
                s.validation().loss(),
                s.validation().accuracy()));
      }
      line.append(String.format(Locale.ROOT, " (%.1f s)", s.seconds()));
      out.accept(line.toString());
    }
  }
}
