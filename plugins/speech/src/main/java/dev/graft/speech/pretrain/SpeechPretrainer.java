package dev.graft.speech.pretrain;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.sdk.store.ModelStores;
import dev.graft.sdk.train.ClassifierPretrainer;
import dev.graft.sdk.train.ReencodedDataset;
import dev.graft.sdk.train.StratifiedSplit;
import dev.graft.speech.Clip;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.speech.recipe.SpeechRecipes;
import dev.graft.tensorflow.nn.NetworkSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains a keyword-spotting recipe on labelled clips and stores it as a Graft source model: a
 * seeded stratified validation split, the recipe built for the input's frames and bins, the SDK's
 * {@link ClassifierPretrainer} (Adam, early stopping on the validation loss, export with {@code
 * kind: audio} and the whole {@link AudioInputSpec} in the manifest), with the training clips
 * re-augmented every epoch. The same request gives the same model.
 */
public final class SpeechPretrainer {

  private final ClassifierPretrainer pretrainer;

  /**
   * Creates a pretrainer.
   *
   * @param device where to train
   * @param progress receives one line per epoch
   */
  public SpeechPretrainer(DeviceConfig device, Consumer<String> progress) {
    this.pretrainer = new ClassifierPretrainer(device, progress);
  }

  /**
   * What to train.
   *
   * @param data labelled clips (two or more classes)
   * @param input the model's input (features, clip length, augmentation)
   * @param recipe one of {@link SpeechRecipes#IDS}
   * @param epochs maximum epochs
   * @param seed seed of split, weights, shuffling and augmentation
   * @param name the model's name in the store
   * @param store the model store folder
   * @param validationFraction stratified validation fraction, 0 to 0.5
   * @param patience early-stopping patience
   * @param batchSize examples per step
   * @param learningRate Adam's rate
   * @param augment whether to augment the training clips
   */
  public record Request(
      Dataset<Clip> data,
      AudioInputSpec input,
      String recipe,
      int epochs,
      long seed,
      String name,
      Path store,
      double validationFraction,
      int patience,
      int batchSize,
      double learningRate,
      boolean augment) {

    /** Validates. */
    public Request {
      ConfigException.require(data != null, "data", null, "labelled clips");
      ConfigException.require(input != null, "input", null, "an audio input spec");
      ModelStores.checkName(name);
      ConfigException.require(store != null, "--store", null, "a folder");
      ConfigException.require(
          validationFraction >= 0 && validationFraction <= 0.5,
          "--validation",
          validationFraction,
          "from 0 to 0.5");
    }

    /**
     * The model folder.
     *
     * @return {@code store/name}
     */
    public Path target() {
      return store.resolve(name);
    }
  }

  /**
   * Trains and stores the model.
   *
   * @param request what to train
   * @return the outcome
   * @throws InvalidInputException GRAFT-DATA-004 if the clips are unlabelled or of one class
   */
  public ClassifierPretrainer.Outcome run(Request request) {
    Dataset<Clip> data = request.data();
    ClassLabels labels = labelsOf(data);
    StratifiedSplit split =
        StratifiedSplit.of(labels, request.validationFraction(), request.seed());
    int classes = labels.numClasses();
    AudioInputSpec spec = request.input();
    ReencodedDataset train = encoded(data.subset(split.train()), spec, classes, request.augment());
    ReencodedDataset validation =
        split.validation().length == 0
            ? null
            : encoded(data.subset(split.validation()), spec, classes, false);
    NetworkSpec network =
        SpeechRecipes.build(request.recipe(), spec.frames(), spec.bins(), classes);
    Map<String, Object> inputSpec = spec.toMap();
    if (!request.augment()) {
      inputSpec.put("augmentation", dev.graft.speech.feature.AudioAugmentation.none().toMap());
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("modality", "speech");
    provenance.put("producer", "graft pretrain speech");
    provenance.put("recipe", request.recipe());
    provenance.put("dataset", data.info().name());
    provenance.put("dataLocation", data.info().location());
    provenance.put("dataDigest", data.info().digest());
    provenance.put("examples", data.size());
    provenance.put("speakers", data.info().properties().getOrDefault("speakers", "0"));
    provenance.put("validationFraction", request.validationFraction());
    provenance.put("augmented", request.augment());
    return pretrainer.run(
        new ClassifierPretrainer.Request(
            network,
            labels.names(),
            train,
            validation,
            inputSpec,
            provenance,
            request.epochs(),
            request.batchSize(),
            request.learningRate(),
            request.patience(),
            request.seed(),
            request.target()));
  }

  private static ClassLabels labelsOf(Dataset<Clip> data) {
    if (data.targets().isEmpty() || !(data.targets().get() instanceof ClassLabels labels)) {
      throw new InvalidInputException(
          GraftErrors.INVALID_LABELS,
          "data set '"
              + data.info().name()
              + "' ("
              + data.info().location()
              + ") has no class labels; pretraining needs labelled clips (a wav-folder with one"
              + " sub-folder per class, or an audio-csv manifest).");
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

  /**
   * Labelled clips as training data: with augmentation (and a spec that augments) every pass
   * re-encodes the clips with the pass's seed, so each epoch hears new, reproducible noise, shifts
   * and masks.
   */
  private static ReencodedDataset encoded(
      Dataset<Clip> clips, AudioInputSpec spec, int numClasses, boolean augment) {
    return new ReencodedDataset(
        clips.classLabels().values(),
        numClasses,
        augment && !spec.augmentation().isIdentity(),
        (aug, seed) -> AudioInputEncoder.encode(clips, spec, aug, seed));
  }
}
