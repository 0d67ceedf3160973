package dev.graft.nlp.pretrain;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.nlp.Text;
import dev.graft.nlp.embed.WordVectors;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.sdk.store.ModelStores;
import java.nio.file.Path;

/**
 * What to pretrain: a text recipe on labelled texts, stored as {@code <store>/<name>/}.
 *
 * @param data labelled texts (the source domain)
 * @param recipe a {@link dev.graft.nlp.recipe.TextRecipes} id
 * @param tokenizer the word tokeniser (recorded in the manifest's input spec)
 * @param maxLength tokens per text after truncation and padding
 * @param maxVocabulary the most tokens in the vocabulary (reserved ones included)
 * @param minFrequency the fewest occurrences in the training texts a token needs (ignored with
 *     {@code vectors}: their vocabulary is used)
 * @param dimension the embedding width (ignored with {@code vectors}: theirs is used)
 * @param vectors pretrained word vectors that initialise the embedding, or null
 * @param freezeEmbedding whether the embedding stays fixed during training
 * @param epochs the maximum number of epochs
 * @param seed the seed of the split, initial weights and shuffling
 * @param name the model's name in the store
 * @param store the model store folder
 * @param validationFraction stratified held-out fraction for early stopping, 0 to 0.5
 * @param patience epochs without a better validation loss before stopping
 * @param batchSize examples per Adam step
 * @param learningRate Adam's learning rate
 */
public record TextPretrainRequest(
    Dataset<Text> data,
    String recipe,
    WordTokenizer tokenizer,
    int maxLength,
    int maxVocabulary,
    int minFrequency,
    int dimension,
    WordVectors vectors,
    boolean freezeEmbedding,
    int epochs,
    long seed,
    String name,
    Path store,
    double validationFraction,
    int patience,
    int batchSize,
    double learningRate) {

  /** Validates the values. */
  public TextPretrainRequest {
    ConfigException.require(data != null, "data", null, "a labelled text data set");
    tokenizer = tokenizer == null ? WordTokenizer.defaults() : tokenizer;
    ConfigException.require(
        maxLength >= 1 && maxLength <= 4096, "--max-length", maxLength, "1 to 4096");
    ConfigException.require(maxVocabulary >= 3, "--max-vocabulary", maxVocabulary, "3 or more");
    ConfigException.require(minFrequency >= 1, "--min-frequency", minFrequency, "1 or more");
    ConfigException.require(dimension >= 1, "--dimension", dimension, "1 or more");
    ConfigException.require(
        !freezeEmbedding || vectors != null,
        "--freeze-embedding",
        true,
        "used together with --vectors (a frozen random embedding learns nothing)");
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
  }

  /**
   * A request with the defaults of {@code graft pretrain text}: text-cnn, default tokeniser, 64
   * tokens, vocabulary of 20,000 tokens seen at least twice, 64-wide embedding, 10% validation,
   * patience 3, batch 64, Adam 1e-3.
   *
   * @param data labelled texts
   * @param recipe the recipe
   * @param epochs maximum epochs
   * @param seed the seed
   * @param name the model name
   * @param store the store folder
   * @return the request
   */
  public static TextPretrainRequest of(
      Dataset<Text> data, String recipe, int epochs, long seed, String name, Path store) {
    return new TextPretrainRequest(
        data,
        recipe,
        WordTokenizer.defaults(),
        64,
        20_000,
        2,
        64,
        null,
        false,
        epochs,
        seed,
        name,
        store,
        0.1,
        3,
        64,
        1e-3);
  }

  /**
   * The same request with word vectors initialising the embedding.
   *
   * @param wordVectors the vectors
   * @param freeze whether the embedding stays fixed
   * @return the new request
   */
  public TextPretrainRequest withVectors(WordVectors wordVectors, boolean freeze) {
    return new TextPretrainRequest(
        data,
        recipe,
        tokenizer,
        maxLength,
        maxVocabulary,
        minFrequency,
        dimension,
        wordVectors,
        freeze,
        epochs,
        seed,
        name,
        store,
        validationFraction,
        patience,
        batchSize,
        learningRate);
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
