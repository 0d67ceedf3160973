package dev.graft.vision.pretrain;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.sdk.store.ModelStores;
import dev.graft.vision.Image;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import java.nio.file.Path;

/**
 * What to pretrain: a recipe on labelled images, stored as {@code <store>/<name>/}.
 *
 * @param data labelled images (the source domain)
 * @param input the model's input (size, channels, normalisation); images are fitted to it
 * @param recipe a {@link dev.graft.vision.recipe.VisionRecipes} id
 * @param epochs the maximum number of epochs, 1 or more
 * @param seed the seed of the split, the initial weights, shuffling and augmentation
 * @param name the model's name in the store
 * @param store the model store folder
 * @param validationFraction the stratified fraction held out for early stopping, in [0, 0.5]
 * @param patience epochs without a better validation loss before stopping (restoring the best)
 * @param batchSize examples per Adam step
 * @param learningRate Adam's learning rate
 * @param augmentation training augmentation ({@link AugmentationSpec#NONE} for none); recorded in
 *     the manifest so fine-tuning on the target uses the same
 */
public record PretrainRequest(
    Dataset<Image> data,
    ImageInputSpec input,
    String recipe,
    int epochs,
    long seed,
    String name,
    Path store,
    double validationFraction,
    int patience,
    int batchSize,
    double learningRate,
    AugmentationSpec augmentation) {

  /** Validates the values. */
  public PretrainRequest {
    ConfigException.require(data != null, "data", null, "a labelled image data set");
    ConfigException.require(input != null, "input", null, "an image input spec");
    ConfigException.require(epochs >= 1, "--epochs", epochs, "1 or more");
    ModelStores.checkName(name);
    ConfigException.require(store != null, "--store", null, "a folder");
    ConfigException.require(
        validationFraction >= 0 && validationFraction <= 0.5,
        "--validation",
        validationFraction,
        "0 to 0.5");
    ConfigException.require(patience >= 1, "--patience", patience, "1 or more");
    ConfigException.require(batchSize >= 1, "--batch-size", batchSize, "1 or more");
    ConfigException.require(
        learningRate > 0 && learningRate < 1, "--learning-rate", learningRate, "in (0, 1)");
    ConfigException.require(augmentation != null, "augmentation", null, "a spec (NONE for none)");
  }

  /**
   * A request with the defaults of {@code graft pretrain vision}: 10% validation, patience 3, batch
   * 64, Adam 1e-3, mild augmentation.
   *
   * @param data labelled images
   * @param input the model input
   * @param recipe the recipe id
   * @param epochs maximum epochs
   * @param seed the seed
   * @param name the model name
   * @param store the store folder
   * @return the request
   */
  public static PretrainRequest of(
      Dataset<Image> data,
      ImageInputSpec input,
      String recipe,
      int epochs,
      long seed,
      String name,
      Path store) {
    return new PretrainRequest(
        data, input, recipe, epochs, seed, name, store, 0.1, 3, 64, 1e-3, AugmentationSpec.mild());
  }

  /**
   * The model's folder.
   *
   * @return {@code store/name}
   */
  public Path target() {
    return store.resolve(name);
  }
}
