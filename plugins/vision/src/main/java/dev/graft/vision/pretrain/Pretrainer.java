package dev.graft.vision.pretrain;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.train.EarlyStopping;
import dev.graft.tensorflow.train.EpochSummary;
import dev.graft.tensorflow.train.Evaluator;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingListener;
import dev.graft.tensorflow.train.TrainingResult;
import dev.graft.vision.Image;
import dev.graft.vision.encode.ImageSpecMaps;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.recipe.VisionRecipes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a vision recipe on labelled images and stores it as a Graft source model.
 *
 * <p>The run: a seeded stratified validation split; the recipe built for the input spec and the
 * class count; Adam with softmax cross-entropy; each epoch re-augments the training images with a
 * seed derived from the run seed and the epoch; early stopping on the validation loss with the best
 * epoch's weights restored; export through {@code NetworkExport} into {@code <store>/<name>/},
 * atomically, with {@code kind: image} and the image spec in the manifest's input spec, the class
 * names as labels, and provenance (recipe, data set name and digest, seed, epochs, validation
 * accuracy). The same request gives the same model.
 */
public final class Pretrainer {

  private final DeviceConfig device;
  private final Consumer<String> progress;

  /**
   * Creates a pretrainer.
   *
   * @param device where to train (e.g. {@link DeviceConfig#cpu()})
   * @param progress receives one line per epoch
   */
  public Pretrainer(DeviceConfig device, Consumer<String> progress) {
    this.device = device;
    this.progress = progress;
  }

  /**
   * Trains and stores the model.
   *
   * @param request what to train
   * @return the outcome
   * @throws InvalidInputException GRAFT-DATA-004 if the data is unlabelled or has fewer than two
   *     classes
   */
  public PretrainResult run(PretrainRequest request) {
    long started = System.nanoTime();
    Dataset<Image> data = request.data();
    ClassLabels labels = labelsOf(data);
    StratifiedSplit split =
        StratifiedSplit.of(labels, request.validationFraction(), request.seed());
    Map<String, Object> inputSpec = ImageSpecMaps.toMap(request.input(), request.augmentation());
    int classes = labels.numClasses();
    boolean augment = !request.augmentation().isIdentity();
    AugmentedImages train =
        new AugmentedImages(data.subset(split.train()), inputSpec, classes, augment);
    AugmentedImages validation =
        split.validation().length == 0
            ? null
            : new AugmentedImages(data.subset(split.validation()), inputSpec, classes, false);
    NetworkSpec network =
        VisionRecipes.build(
            request.recipe(),
            request.input().height(),
            request.input().width(),
            request.input().channels(),
            classes);
    try (GraphModel model =
        GraphModel.builder()
            .setNetwork(network)
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(request.learningRate()))
            .optSeed(request.seed())
            .optDevice(device)
            .build()) {
      TrainerConfig config =
          TrainerConfig.of(request.epochs(), request.batchSize(), request.seed());
      if (validation != null) {
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
              .fit(train, validation);
      double accuracy =
          validation == null ? Double.NaN : Evaluator.evaluate(model, validation, 256).accuracy();
      Map<String, Object> provenance = provenance(request, data, result, accuracy, split);
      ModelStoreWriter.write(model, labels.names(), inputSpec, provenance, request.target());
      return new PretrainResult(
          request.target().toAbsolutePath().normalize(),
          network.name(),
          labels.names(),
          split.train().length,
          split.validation().length,
          result.history().size(),
          result.bestEpoch() + 1,
          accuracy,
          result.last().trainLoss(),
          (System.nanoTime() - started) / 1e9);
    }
  }

  private static ClassLabels labelsOf(Dataset<Image> data) {
    if (data.targets().isEmpty() || !(data.targets().get() instanceof ClassLabels labels)) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "data set '"
              + data.info().name()
              + "' ("
              + data.info().location()
              + ") has no class labels; pretraining needs labelled images (e.g. pixel-csv with a"
              + " label column, or an image folder with one sub-folder per class).");
    }
    if (labels.numClasses() < 2) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "data set '"
              + data.info().name()
              + "' has "
              + labels.numClasses()
              + " class; pretraining a classifier needs two or more.");
    }
    return labels;
  }

  private static Map<String, Object> provenance(
      PretrainRequest request,
      Dataset<Image> data,
      TrainingResult result,
      double accuracy,
      StratifiedSplit split) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("modality", "vision");
    p.put("producer", "graft pretrain vision");
    p.put("recipe", request.recipe());
    p.put("dataset", data.info().name());
    p.put("dataLocation", data.info().location());
    p.put("dataDigest", data.info().digest());
    p.put("examples", data.size());
    p.put("trainExamples", split.train().length);
    p.put("validationExamples", split.validation().length);
    p.put("validationFraction", request.validationFraction());
    p.put("epochs", request.epochs());
    p.put("epochsRun", result.history().size());
    p.put("bestEpoch", result.bestEpoch() + 1);
    p.put("stoppedEarly", result.stoppedEarly());
    p.put("batchSize", request.batchSize());
    p.put("learningRate", request.learningRate());
    p.put("patience", request.patience());
    p.put("finalTrainLoss", result.last().trainLoss());
    if (!Double.isNaN(accuracy)) {
      p.put("validationAccuracy", accuracy);
    }
    AugmentationSpec a = request.augmentation();
    p.put("augmented", !a.isIdentity());
    return p;
  }

  /** Reports each epoch. */
  private record Progress(Consumer<String> out, int epochs) implements TrainingListener {
    @Override
    public void onEpochEnd(EpochSummary s) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  java.util.Locale.ROOT,
                  "epoch %d/%d: loss %.4f",
                  s.epoch() + 1,
                  epochs,
                  s.trainLoss()));
      if (s.validation() != null) {
        line.append(
            String.format(
                java.util.Locale.ROOT,
                ", val_loss %.4f, val_accuracy %.4f",
                s.validation().loss(),
                s.validation().accuracy()));
      }
      line.append(String.format(java.util.Locale.ROOT, " (%.1f s)", s.seconds()));
      out.accept(line.toString());
    }
  }
}
