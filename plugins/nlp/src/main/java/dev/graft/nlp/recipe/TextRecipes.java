package dev.graft.nlp.recipe;

import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.InputSpec;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.Padding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text classification networks over a sequence of token ids ({@code [maxLength]}, as the {@code
 * text} encoder writes them). Every recipe starts with an embedding lookup named {@value
 * #EMBEDDING} (so pretrained word vectors can initialise it), ends with a linear dense layer named
 * {@value #HEAD} (logits; softmax cross-entropy) and names the layer before the head as the
 * features layer.
 *
 * <ul>
 *   <li>{@code text-cnn} (Kim, 2014): embedding, three parallel 1-D convolutions of widths 3, 4 and
 *       5 ({@code filters} each, ReLU, padding {@code same}), each max-pooled over time,
 *       concatenated, dropout 0.5 (the features, {@code 3 x filters} wide), head.
 *   <li>{@code embedding-bag}: embedding, mean over the sequence (the features, as wide as the
 *       embedding), head. With pretrained word vectors frozen this is the classic
 *       averaged-word-vector baseline.
 * </ul>
 */
public final class TextRecipes {

  /** The name of the output layer of every recipe. */
  public static final String HEAD = "head";

  /** The name of the embedding lookup of every recipe. */
  public static final String EMBEDDING = "word_embedding";

  /** The recipe ids. */
  public static final List<String> IDS = List.of("text-cnn", "embedding-bag");

  /** Default embedding width. */
  public static final int DEFAULT_DIMENSION = 64;

  /** Default filters per convolution width of {@code text-cnn}. */
  public static final int DEFAULT_FILTERS = 64;

  private TextRecipes() {}

  /**
   * Builds a recipe with the default widths.
   *
   * @param recipe one of {@link #IDS}
   * @param maxLength the sequence length
   * @param vocabularySize the number of token ids
   * @param classes the number of classes, 2 or more
   * @return the network
   */
  public static NetworkSpec build(String recipe, int maxLength, int vocabularySize, int classes) {
    return build(recipe, maxLength, vocabularySize, DEFAULT_DIMENSION, classes);
  }

  /**
   * Builds a recipe.
   *
   * @param recipe one of {@link #IDS}
   * @param maxLength the sequence length, 1 or more
   * @param vocabularySize the number of token ids, 2 or more
   * @param dimension the embedding width
   * @param classes the number of classes, 2 or more
   * @return the network, named after the recipe
   * @throws ConfigException GRAFT-CONFIG-001 for an unknown recipe or invalid size
   */
  public static NetworkSpec build(
      String recipe, int maxLength, int vocabularySize, int dimension, int classes) {
    ConfigException.require(maxLength >= 1, "max length", maxLength, "1 or more");
    ConfigException.require(vocabularySize >= 2, "vocabulary size", vocabularySize, "2 or more");
    ConfigException.require(dimension >= 1, "embedding dimension", dimension, "1 or more");
    ConfigException.require(classes >= 2, "classes", classes, "2 or more");
    String id = recipe == null ? "" : recipe.trim().toLowerCase(Locale.ROOT);
    return switch (id) {
      case "text-cnn" -> textCnn(maxLength, vocabularySize, dimension, DEFAULT_FILTERS, classes);
      case "embedding-bag" -> embeddingBag(maxLength, vocabularySize, dimension, classes);
      default ->
          throw new ConfigException(
              "unknown text recipe '" + recipe + "'; use one of " + String.join(", ", IDS) + ".");
    };
  }

  /**
   * The text CNN.
   *
   * @param maxLength sequence length
   * @param vocabularySize token ids
   * @param dimension embedding width
   * @param filters filters per convolution width
   * @param classes classes
   * @return the network
   */
  public static NetworkSpec textCnn(
      int maxLength, int vocabularySize, int dimension, int filters, int classes) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(new LayerSpec.Embedding(EMBEDDING, null, vocabularySize, dimension));
    List<String> pooled = new ArrayList<>();
    for (int width : new int[] {3, 4, 5}) {
      layers.add(
          new LayerSpec.Conv1d(
              "conv" + width,
              List.of(EMBEDDING),
              filters,
              width,
              1,
              Padding.SAME,
              Activation.RELU,
              true));
      layers.add(new LayerSpec.GlobalMaxPool("pool" + width, List.of("conv" + width)));
      pooled.add("pool" + width);
    }
    layers.add(new LayerSpec.Concat("pooled", pooled, -1));
    layers.add(new LayerSpec.Dropout("dropout", null, 0.5));
    layers.add(new LayerSpec.Dense(HEAD, null, classes, Activation.LINEAR, true));
    return new NetworkSpec("text-cnn", InputSpec.of(maxLength), layers, "dropout");
  }

  /**
   * The averaged-embedding network.
   *
   * @param maxLength sequence length
   * @param vocabularySize token ids
   * @param dimension embedding width
   * @param classes classes
   * @return the network
   */
  public static NetworkSpec embeddingBag(
      int maxLength, int vocabularySize, int dimension, int classes) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(new LayerSpec.Embedding(EMBEDDING, null, vocabularySize, dimension));
    layers.add(new LayerSpec.GlobalAvgPool("mean", null));
    layers.add(new LayerSpec.Dense(HEAD, null, classes, Activation.LINEAR, true));
    return new NetworkSpec("embedding-bag", InputSpec.of(maxLength), layers, "mean");
  }
}
