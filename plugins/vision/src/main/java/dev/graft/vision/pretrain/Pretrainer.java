package dev.graft.vision.pretrain;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.sdk.train.ClassifierPretrainer;
import dev.graft.sdk.train.ReencodedDataset;
import dev.graft.sdk.train.StratifiedSplit;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.vision.Image;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.encode.ImageSpecMaps;
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
    ReencodedDataset train = encoded(data.subset(split.train()), inputSpec, classes, augment);
    ReencodedDataset validation =
        split.validation().length == 0
            ? null
            : encoded(data.subset(split.validation()), inputSpec, classes, false);
    NetworkSpec network =
        VisionRecipes.build(
            request.recipe(),
            request.input().height(),
            request.input().width(),
            request.input().channels(),
            classes);
    ClassifierPretrainer.Outcome outcome =
        new ClassifierPretrainer(device, progress)
            .run(
                new ClassifierPretrainer.Request(
                    network,
                    labels.names(),
                    train,
                    validation,
                    inputSpec,
                    provenance(request, data, split),
                    request.epochs(),
                    request.batchSize(),
                    request.learningRate(),
                    request.patience(),
                    request.seed(),
                    request.target()));
    return new PretrainResult(
        outcome.model(),
        network.name(),
        labels.names(),
        split.train().length,
        split.validation().length,
        outcome.epochsRun(),
        outcome.bestEpoch(),
        outcome.validationAccuracy(),
        outcome.finalTrainLoss(),
        (System.nanoTime() - started) / 1e9);
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
      PretrainRequest request, Dataset<Image> data, StratifiedSplit split) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("modality", "vision");
    p.put("producer", "graft pretrain vision");
    p.put("recipe", request.recipe());
    p.put("dataset", data.info().name());
    p.put("dataLocation", data.info().location());
    p.put("dataDigest", data.info().digest());
    p.put("examples", data.size());
    p.put("validationFraction", request.validationFraction());
    p.put("augmented", !request.augmentation().isIdentity());
    return p;
  }

  /** Labelled images as training data, re-encoded with the pass's seed when augmenting. */
  private static ReencodedDataset encoded(
      Dataset<Image> images, Map<String, Object> inputSpec, int numClasses, boolean augment) {
    ImageInputEncoder encoder = new ImageInputEncoder();
    return new ReencodedDataset(
        images.classLabels().values(),
        numClasses,
        augment,
        (aug, seed) -> encoder.encode(images, inputSpec, aug, seed));
  }
}
