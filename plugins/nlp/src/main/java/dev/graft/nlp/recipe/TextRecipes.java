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
 *   <li>{@code transformer} (2 layers) and {@code transformer-1} to {@code transformer-4}: a small
 *       Transformer encoder (Vaswani et al., 2017, post-norm): embedding plus learned position
 *       embedding, then per layer 4-head self-attention that ignores padding (id 0), residual add
 *       and layer norm, a position-wise feed-forward block (dense {@code 2 x width} + ReLU, dense
 *       {@code width}), residual add and layer norm; mean over the sequence (the features, as wide
 *       as the embedding), head.
 * </ul>
 */
public final class TextRecipes {

  /** The name of the output layer of every recipe. */
  public static final String HEAD = "head";

  /** The name of the embedding lookup of every recipe. */
  public static final String EMBEDDING = "word_embedding";

  /** The recipe ids. */
  public static final List<String> IDS =
      List.of(
          "text-cnn",
          "embedding-bag",
          "transformer",
          "transformer-1",
          "transformer-2",
          "transformer-3",
          "transformer-4");

  /** Attention heads per Transformer layer. */
  public static final int HEADS = 4;

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
      case "transformer", "transformer-2" ->
          transformer(maxLength, vocabularySize, dimension, 2, classes);
      case "transformer-1" -> transformer(maxLength, vocabularySize, dimension, 1, classes);
      case "transformer-3" -> transformer(maxLength, vocabularySize, dimension, 3, classes);
      case "transformer-4" -> transformer(maxLength, vocabularySize, dimension, 4, classes);
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

  /**
   * A small Transformer encoder classifier.
   *
   * @param maxLength sequence length
   * @param vocabularySize token ids (id 0 is padding and masked out of attention)
   * @param dimension model width (divisible by {@value #HEADS})
   * @param layers encoder layers, 1 to 4
   * @param classes classes
   * @return the network
   */
  public static NetworkSpec transformer(
      int maxLength, int vocabularySize, int dimension, int layers, int classes) {
    ConfigException.require(layers >= 1 && layers <= 4, "transformer layers", layers, "1 to 4");
    ConfigException.require(
        dimension % HEADS == 0,
        "embedding dimension",
        dimension,
        "a multiple of " + HEADS + " (the attention heads)");
    List<LayerSpec> out = new ArrayList<>();
    out.add(new LayerSpec.Embedding(EMBEDDING, null, vocabularySize, dimension));
    out.add(new LayerSpec.PositionEmbedding("positions", null));
    String last = "positions";
    for (int i = 1; i <= layers; i++) {
      String p = "block" + i + "_";
      out.add(
          new LayerSpec.SelfAttention(
              p + "attention", List.of(last, LayerSpec.NETWORK_INPUT), HEADS, null));
      out.add(new LayerSpec.Add(p + "residual1", List.of(last, p + "attention")));
      out.add(new LayerSpec.LayerNorm(p + "norm1", null, null));
      out.add(new LayerSpec.Dense(p + "ffn1", null, 2 * dimension, Activation.RELU, true));
      out.add(new LayerSpec.Dense(p + "ffn2", null, dimension, Activation.LINEAR, true));
      out.add(new LayerSpec.Add(p + "residual2", List.of(p + "norm1", p + "ffn2")));
      out.add(new LayerSpec.LayerNorm(p + "norm2", null, null));
      last = p + "norm2";
    }
    out.add(new LayerSpec.GlobalAvgPool("pooled", null));
    out.add(new LayerSpec.Dense(HEAD, null, classes, Activation.LINEAR, true));
    return new NetworkSpec("transformer-" + layers, InputSpec.of(maxLength), out, "pooled");
  }
}
