package dev.graft.speech.recipe;

import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.Padding;
import java.util.List;
import java.util.Locale;

/**
 * Keyword-spotting networks for a {@code frames x bins x 1} feature input (time down, frequency
 * across) and a class count. Every recipe ends with a linear dense layer named {@value #HEAD}
 * (logits; train with softmax cross-entropy) and names the embedding before it as the features
 * layer, so head replacement, linear probes and feature extraction work on all of them.
 *
 * <ul>
 *   <li>{@code kws-cnn}: three blocks of 3x3 convolution (32, 64, 64 filters, ReLU, padding same)
 *       each followed by a 2x2 max-pool while both sides stay at least 4 (49x40 becomes 24x20,
 *       12x10, 6x5), flatten, dense 128 + ReLU (the embedding), dropout 0.2, head. About 0.3 M
 *       weights at 49x40.
 *   <li>{@code kws-ds-cnn}: the depthwise-separable CNN of "Hello Edge" (Zhang et al., 2017),
 *       small: a 10x4 convolution with 64 filters and stride 2 + batch norm (momentum 0.9) + ReLU,
 *       four blocks of depthwise 3x3 + BN + ReLU and pointwise 1x1 (64 filters) + BN + ReLU, global
 *       average pool (64 features, the embedding), head. About 23 k weights.
 * </ul>
 */
public final class SpeechRecipes {

  /** The name of the output layer of every recipe. */
  public static final String HEAD = "head";

  /** The recipe ids, in the order {@code graft pretrain speech --help} lists them. */
  public static final List<String> IDS = List.of("kws-cnn", "kws-ds-cnn");

  /**
   * The batch-norm momentum of {@code kws-ds-cnn}: 0.9 rather than Keras's 0.99, so the moving
   * statistics settle within the few hundred steps a keyword set of a few thousand clips gives
   * (with 0.99, early stopping judged the validation loss on statistics still near their initial
   * values and stopped a 600-clip run after 6 epochs at 10% accuracy).
   */
  public static final double BN_MOMENTUM = 0.9;

  private SpeechRecipes() {}

  /**
   * Builds a recipe.
   *
   * @param recipe one of {@link #IDS}
   * @param frames input frames (time)
   * @param bins values per frame (mel bands or MFCCs)
   * @param classes number of classes, 2 or more
   * @return the network spec, named after the recipe
   * @throws ConfigException GRAFT-CONFIG-001 for an unknown recipe or an invalid size
   */
  public static NetworkSpec build(String recipe, int frames, int bins, int classes) {
    ConfigException.require(
        frames >= 4 && bins >= 4, "input size", frames + "x" + bins, "at least 4x4");
    ConfigException.require(classes >= 2, "classes", classes, "2 or more");
    String id = recipe == null ? "" : recipe.trim().toLowerCase(Locale.ROOT);
    return switch (id) {
      case "kws-cnn" -> kwsCnn(frames, bins, classes);
      case "kws-ds-cnn" -> kwsDsCnn(frames, bins, classes);
      default ->
          throw new ConfigException(
              "unknown speech recipe '" + recipe + "'; use one of " + String.join(", ", IDS) + ".");
    };
  }

  /**
   * The small CNN over log-mel frames.
   *
   * @param frames input frames
   * @param bins values per frame
   * @param classes classes
   * @return the spec
   */
  public static NetworkSpec kwsCnn(int frames, int bins, int classes) {
    NetworkSpec.Builder b = NetworkSpec.builder().optName("kws-cnn").setInputShape(frames, bins, 1);
    int h = frames;
    int w = bins;
    int[] filters = {32, 64, 64};
    for (int i = 0; i < filters.length; i++) {
      b.conv2d("conv" + (i + 1), filters[i], 3, Activation.RELU);
      if (Math.min(h, w) / 2 >= 4) {
        b.maxPool("pool" + (i + 1), 2);
        h /= 2;
        w /= 2;
      }
    }
    return b.flatten("flatten")
        .dense("embedding", 128, Activation.RELU)
        .dropout("dropout", 0.2)
        .dense(HEAD, classes, Activation.LINEAR)
        .optFeaturesLayer("embedding")
        .build();
  }

  /**
   * The depthwise-separable CNN.
   *
   * @param frames input frames
   * @param bins values per frame
   * @param classes classes
   * @return the spec
   */
  public static NetworkSpec kwsDsCnn(int frames, int bins, int classes) {
    NetworkSpec.Builder b =
        NetworkSpec.builder().optName("kws-ds-cnn").setInputShape(frames, bins, 1);
    b.add(
        new LayerSpec.Conv2d(
            "stem",
            List.of(LayerSpec.NETWORK_INPUT),
            64,
            List.of(Math.min(10, frames), Math.min(4, bins)),
            List.of(2, 2),
            Padding.SAME,
            Activation.LINEAR,
            false));
    b.add(new LayerSpec.BatchNorm("stem-bn", null, BN_MOMENTUM, null));
    b.add(new LayerSpec.ActivationLayer("stem-relu", null, Activation.RELU));
    String x = "stem-relu";
    for (int i = 1; i <= 4; i++) {
      String p = "block" + i;
      b.add(
          new LayerSpec.DepthwiseConv2d(
              p + "-depthwise",
              List.of(x),
              List.of(3, 3),
              List.of(1, 1),
              1,
              Padding.SAME,
              Activation.LINEAR,
              false));
      b.add(new LayerSpec.BatchNorm(p + "-depthwise-bn", null, BN_MOMENTUM, null));
      b.add(new LayerSpec.ActivationLayer(p + "-depthwise-relu", null, Activation.RELU));
      b.add(
          new LayerSpec.Conv2d(
              p + "-pointwise",
              null,
              64,
              List.of(1, 1),
              List.of(1, 1),
              Padding.SAME,
              Activation.LINEAR,
              false));
      b.add(new LayerSpec.BatchNorm(p + "-pointwise-bn", null, BN_MOMENTUM, null));
      b.add(new LayerSpec.ActivationLayer(p + "-pointwise-relu", null, Activation.RELU));
      x = p + "-pointwise-relu";
    }
    return b.add(new LayerSpec.GlobalAvgPool("embedding", List.of(x)))
        .dense(HEAD, classes, Activation.LINEAR)
        .optFeaturesLayer("embedding")
        .build();
  }
}
