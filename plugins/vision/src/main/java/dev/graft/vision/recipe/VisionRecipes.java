package dev.graft.vision.recipe;

import dev.graft.api.error.ConfigException;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.nn.Padding;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Image classification networks for a given input shape and class count. Every recipe ends with a
 * linear dense layer named {@value #HEAD} (logits; train it with softmax cross-entropy) and names
 * the embedding before it as the features layer, so head replacement, linear probes and feature
 * extraction work on all of them.
 *
 * <ul>
 *   <li>{@code small-cnn}: conv 3x3x32 + ReLU + 2x2 max-pool, conv 3x3x64 + ReLU + 2x2 max-pool,
 *       dense 128 + ReLU (the features), head. Convolutions pad {@code same}; a pool is left out
 *       when it would shrink the feature map below 4x4, so 8x8 inputs get one pool (8 to 4) and
 *       28x28 inputs two (28 to 14 to 7).
 *   <li>{@code resnet-tiny}: a 3x3x16 stem with batch norm, then three stages of one residual block
 *       each (16, 32, 64 filters; two 3x3 convolutions with batch norm, identity or 1x1 projection
 *       shortcut); stages 2 and 3 halve the size while it is at least 4; global average pool (64
 *       features), head.
 *   <li>{@code mobilenet-tiny}: a 3x3x16 stem with batch norm (stride 2 for inputs of 32 or more),
 *       four depthwise-separable blocks (depthwise 3x3 + BN + ReLU, pointwise 1x1 + BN + ReLU; 32,
 *       64, 64, 128 filters; blocks 2 and 4 halve the size while it is at least 4), global average
 *       pool (128 features), head.
 * </ul>
 */
public final class VisionRecipes {

  /**
   * The moving-average momentum of every batch-norm layer: 0.9 (PyTorch's 0.1), not Keras's 0.99.
   * Transfer trains on few examples for few steps; at 0.99 the moving statistics lag the weights
   * for hundreds of steps, so validation (which uses them) sees a broken network and early stopping
   * gives up: mobilenet-tiny on the glyph digits with patience 3 stopped at epoch 4 at 0.100
   * validation accuracy with 0.99, and reached 0.996 with 0.9 (resnet-tiny 0.998 / 1.000).
   */
  public static final double BN_MOMENTUM = 0.9;

  /** The name of the output layer of every recipe. */
  public static final String HEAD = "head";

  /** The recipe ids, in the order {@code graft pretrain --help} lists them. */
  public static final List<String> IDS = List.of("small-cnn", "resnet-tiny", "mobilenet-tiny");

  private VisionRecipes() {}

  /**
   * Builds a recipe.
   *
   * @param recipe one of {@link #IDS}
   * @param height input height
   * @param width input width
   * @param channels input channels
   * @param classes number of classes, 2 or more
   * @return the network spec, named after the recipe
   * @throws ConfigException GRAFT-CONFIG-001 for an unknown recipe or an invalid size
   */
  public static NetworkSpec build(String recipe, int height, int width, int channels, int classes) {
    ConfigException.require(
        height >= 2 && width >= 2, "input size", height + "x" + width, "at least 2x2");
    ConfigException.require(channels >= 1, "input channels", channels, "1 or more");
    ConfigException.require(classes >= 2, "classes", classes, "2 or more");
    String id = recipe == null ? "" : recipe.trim().toLowerCase(Locale.ROOT);
    return switch (id) {
      case "small-cnn" -> smallCnn(height, width, channels, classes);
      case "resnet-tiny" -> resnetTiny(height, width, channels, classes);
      case "mobilenet-tiny" -> mobilenetTiny(height, width, channels, classes);
      default ->
          throw new ConfigException(
              "unknown recipe '" + recipe + "'; use one of " + String.join(", ", IDS) + ".");
    };
  }

  /**
   * The small CNN of the Graft and PyTorch references.
   *
   * @param height input height
   * @param width input width
   * @param channels input channels
   * @param classes number of classes
   * @return the spec
   */
  public static NetworkSpec smallCnn(int height, int width, int channels, int classes) {
    NetworkSpec.Builder b =
        NetworkSpec.builder().optName("small-cnn").setInputShape(height, width, channels);
    int h = height;
    int w = width;
    b.conv2d("conv1", 32, 3, Activation.RELU);
    if (Math.min(h, w) / 2 >= 4) {
      b.maxPool("pool1", 2);
      h /= 2;
      w /= 2;
    }
    b.conv2d("conv2", 64, 3, Activation.RELU);
    if (Math.min(h, w) / 2 >= 4) {
      b.maxPool("pool2", 2);
    }
    return b.flatten("flatten")
        .dense("embedding", 128, Activation.RELU)
        .dense(HEAD, classes, Activation.LINEAR)
        .optFeaturesLayer("embedding")
        .build();
  }

  /**
   * A compact residual network with batch normalisation.
   *
   * @param height input height
   * @param width input width
   * @param channels input channels
   * @param classes number of classes
   * @return the spec
   */
  public static NetworkSpec resnetTiny(int height, int width, int channels, int classes) {
    Layers l = new Layers(NetworkSpec.builder().optName("resnet-tiny"));
    l.builder.setInputShape(height, width, channels);
    int size = Math.min(height, width);
    String x = l.convBn("stem", LayerSpec.NETWORK_INPUT, 16, 3, 1, true);
    int filters = 16;
    int[] stageFilters = {16, 32, 64};
    for (int s = 0; s < stageFilters.length; s++) {
      int stride = s > 0 && size >= 4 ? 2 : 1;
      size = stride == 2 ? (size + 1) / 2 : size;
      String p = "stage" + (s + 1);
      String a = l.convBn(p + "-conv1", x, stageFilters[s], 3, stride, true);
      String c = l.convBn(p + "-conv2", a, stageFilters[s], 3, 1, false);
      String shortcut = x;
      if (stride != 1 || filters != stageFilters[s]) {
        shortcut = l.convBn(p + "-project", x, stageFilters[s], 1, stride, false);
      }
      l.builder.add(new LayerSpec.Add(p + "-add", List.of(c, shortcut)));
      l.builder.add(new LayerSpec.ActivationLayer(p + "-relu", null, Activation.RELU));
      x = p + "-relu";
      filters = stageFilters[s];
    }
    return l.builder
        .add(new LayerSpec.GlobalAvgPool("embedding", List.of(x)))
        .dense(HEAD, classes, Activation.LINEAR)
        .optFeaturesLayer("embedding")
        .build();
  }

  /**
   * A MobileNet-style network of depthwise-separable blocks.
   *
   * @param height input height
   * @param width input width
   * @param channels input channels
   * @param classes number of classes
   * @return the spec
   */
  public static NetworkSpec mobilenetTiny(int height, int width, int channels, int classes) {
    Layers l = new Layers(NetworkSpec.builder().optName("mobilenet-tiny"));
    l.builder.setInputShape(height, width, channels);
    int size = Math.min(height, width);
    int stemStride = size >= 32 ? 2 : 1;
    size = stemStride == 2 ? (size + 1) / 2 : size;
    String x = l.convBn("stem", LayerSpec.NETWORK_INPUT, 16, 3, stemStride, true);
    int[][] blocks = {{32, 1}, {64, 2}, {64, 1}, {128, 2}};
    for (int i = 0; i < blocks.length; i++) {
      int stride = blocks[i][1] == 2 && size >= 4 ? 2 : 1;
      size = stride == 2 ? (size + 1) / 2 : size;
      String p = "block" + (i + 1);
      l.builder.add(
          new LayerSpec.DepthwiseConv2d(
              p + "-depthwise",
              List.of(x),
              List.of(3, 3),
              List.of(stride, stride),
              1,
              Padding.SAME,
              Activation.LINEAR,
              false));
      l.builder.add(new LayerSpec.BatchNorm(p + "-depthwise-bn", null, BN_MOMENTUM, null));
      l.builder.add(new LayerSpec.ActivationLayer(p + "-depthwise-relu", null, Activation.RELU));
      x = l.convBn(p + "-pointwise", p + "-depthwise-relu", blocks[i][0], 1, 1, true);
    }
    return l.builder
        .add(new LayerSpec.GlobalAvgPool("embedding", List.of(x)))
        .dense(HEAD, classes, Activation.LINEAR)
        .optFeaturesLayer("embedding")
        .build();
  }

  /** Adds convolution + batch norm (+ ReLU) groups to a builder. */
  private static final class Layers {
    private final NetworkSpec.Builder builder;

    Layers(NetworkSpec.Builder builder) {
      this.builder = builder;
    }

    /** Adds conv (no bias) + BN (+ ReLU) reading {@code input}; returns the last layer's name. */
    String convBn(String name, String input, int filters, int kernel, int stride, boolean relu) {
      builder.add(
          new LayerSpec.Conv2d(
              name,
              List.of(input),
              filters,
              Arrays.asList(kernel, kernel),
              Arrays.asList(stride, stride),
              Padding.SAME,
              Activation.LINEAR,
              false));
      builder.add(new LayerSpec.BatchNorm(name + "-bn", null, BN_MOMENTUM, null));
      if (!relu) {
        return name + "-bn";
      }
      builder.add(new LayerSpec.ActivationLayer(name + "-relu", null, Activation.RELU));
      return name + "-relu";
    }
  }
}
