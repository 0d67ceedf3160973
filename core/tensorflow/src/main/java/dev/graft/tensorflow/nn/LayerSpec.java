package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.graft.api.error.ConfigException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One named layer of a {@link NetworkSpec}. Serialised to JSON with a {@code "type"} property
 * ({@code "dense"}, {@code "conv2d"}, ...). Fields left out of the JSON take the defaults the
 * compact constructors document.
 *
 * <p>A layer reads the output of the layer before it unless {@link #inputs()} names other layers
 * (or {@code "input"}, the network input); merge layers ({@link Add}, {@link Concat}) name two or
 * more.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
  @JsonSubTypes.Type(value = LayerSpec.Conv1d.class, name = "conv1d"),
  @JsonSubTypes.Type(value = LayerSpec.Conv2d.class, name = "conv2d"),
  @JsonSubTypes.Type(value = LayerSpec.DepthwiseConv2d.class, name = "depthwise_conv2d"),
  @JsonSubTypes.Type(value = LayerSpec.SeparableConv2d.class, name = "separable_conv2d"),
  @JsonSubTypes.Type(value = LayerSpec.MaxPool2d.class, name = "max_pool2d"),
  @JsonSubTypes.Type(value = LayerSpec.AvgPool2d.class, name = "avg_pool2d"),
  @JsonSubTypes.Type(value = LayerSpec.GlobalAvgPool.class, name = "global_avg_pool"),
  @JsonSubTypes.Type(value = LayerSpec.GlobalMaxPool.class, name = "global_max_pool"),
  @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "flatten"),
  @JsonSubTypes.Type(value = LayerSpec.Reshape.class, name = "reshape"),
  @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
  @JsonSubTypes.Type(value = LayerSpec.BatchNorm.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = LayerSpec.LayerNorm.class, name = "layer_norm"),
  @JsonSubTypes.Type(value = LayerSpec.Embedding.class, name = "embedding"),
  @JsonSubTypes.Type(value = LayerSpec.PositionEmbedding.class, name = "position_embedding"),
  @JsonSubTypes.Type(value = LayerSpec.SelfAttention.class, name = "self_attention"),
  @JsonSubTypes.Type(value = LayerSpec.ActivationLayer.class, name = "activation"),
  @JsonSubTypes.Type(value = LayerSpec.Add.class, name = "add"),
  @JsonSubTypes.Type(value = LayerSpec.Concat.class, name = "concat")
})
public sealed interface LayerSpec {

  /** The name of the network input, usable in {@link #inputs()}. */
  String NETWORK_INPUT = "input";

  /**
   * The layer name: unique in the network, letters, digits, '.', '_' or '-', not starting with '_'
   * or '-'. Parameters are named {@code <layer>/<param>}, e.g. {@code conv1/kernel}.
   *
   * @return the name
   */
  String name();

  /**
   * Names of the layers this one reads; empty means "the previous layer" (or the network input for
   * the first layer).
   *
   * @return the input layer names, never null
   */
  List<String> inputs();

  /** Layer names TensorFlow accepts as op-name scopes. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

  /** Names a layer may not have: the graph's entry points and the scopes of its passes. */
  java.util.Set<String> RESERVED_NAMES =
      java.util.Set.of(
          NETWORK_INPUT,
          "targets",
          "example_weights",
          "outputs",
          "logits",
          "features",
          "eval_loss",
          "train_step",
          "global_step",
          "learning_rate",
          "step_increment",
          "infer",
          "train",
          "eval",
          "loss",
          "optimizer",
          "slots",
          "state_io",
          "gradients");

  private static String checkName(String name) {
    ConfigException.require(
        name != null && NAME.matcher(name).matches() && !RESERVED_NAMES.contains(name),
        "layer name",
        name == null ? null : "'" + name + "'",
        "letters, digits, '.', '_' or '-' (not starting with '_' or '-') and none of "
            + new java.util.TreeSet<>(RESERVED_NAMES));
    return name;
  }

  private static List<String> copyInputs(List<String> inputs) {
    return inputs == null ? List.of() : List.copyOf(inputs);
  }

  private static void positive(String layer, String field, int value) {
    ConfigException.require(value > 0, "layers[" + layer + "]." + field, value, "positive");
  }

  private static List<Integer> pair(String layer, String field, List<Integer> value, int dflt) {
    if (value == null) {
      return List.of(dflt, dflt);
    }
    ConfigException.require(
        value.size() == 2 && value.get(0) > 0 && value.get(1) > 0,
        "layers[" + layer + "]." + field,
        value,
        "two positive integers [height, width]");
    return List.copyOf(value);
  }

  private static Activation act(Activation a) {
    return a == null ? Activation.LINEAR : a;
  }

  private static Padding pad(Padding p) {
    return p == null ? Padding.SAME : p;
  }

  /**
   * A fully connected layer over the last axis.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param units output width, positive
   * @param activation the activation (default linear)
   * @param useBias whether to add a bias (default true)
   */
  record Dense(String name, List<String> inputs, int units, Activation activation, Boolean useBias)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public Dense {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "units", units);
      activation = act(activation);
      useBias = useBias == null || useBias;
    }
  }

  /**
   * A 1-D convolution over inputs shaped [batch, length, channels].
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param filters output channels
   * @param kernelSize the window length
   * @param stride the step (default 1)
   * @param padding same (default) or valid
   * @param activation the activation (default linear)
   * @param useBias whether to add a bias (default true)
   */
  record Conv1d(
      String name,
      List<String> inputs,
      int filters,
      int kernelSize,
      Integer stride,
      Padding padding,
      Activation activation,
      Boolean useBias)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public Conv1d {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "filters", filters);
      positive(name, "kernelSize", kernelSize);
      stride = stride == null ? 1 : stride;
      positive(name, "stride", stride);
      padding = pad(padding);
      activation = act(activation);
      useBias = useBias == null || useBias;
    }
  }

  /**
   * A 2-D convolution over NHWC inputs.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param filters output channels
   * @param kernel [height, width]
   * @param strides [height, width] (default [1, 1])
   * @param padding same (default) or valid
   * @param activation the activation (default linear)
   * @param useBias whether to add a bias (default true)
   */
  record Conv2d(
      String name,
      List<String> inputs,
      int filters,
      List<Integer> kernel,
      List<Integer> strides,
      Padding padding,
      Activation activation,
      Boolean useBias)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public Conv2d {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "filters", filters);
      ConfigException.require(kernel != null, "layers[" + name + "].kernel", null, "[h, w]");
      kernel = pair(name, "kernel", kernel, 1);
      strides = pair(name, "strides", strides, 1);
      padding = pad(padding);
      activation = act(activation);
      useBias = useBias == null || useBias;
    }
  }

  /**
   * A depthwise 2-D convolution: each input channel is convolved with its own {@code
   * depthMultiplier} filters.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param kernel [height, width]
   * @param strides [height, width] (default [1, 1])
   * @param depthMultiplier filters per input channel (default 1)
   * @param padding same (default) or valid
   * @param activation the activation (default linear)
   * @param useBias whether to add a bias (default true)
   */
  record DepthwiseConv2d(
      String name,
      List<String> inputs,
      List<Integer> kernel,
      List<Integer> strides,
      Integer depthMultiplier,
      Padding padding,
      Activation activation,
      Boolean useBias)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public DepthwiseConv2d {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(kernel != null, "layers[" + name + "].kernel", null, "[h, w]");
      kernel = pair(name, "kernel", kernel, 1);
      strides = pair(name, "strides", strides, 1);
      depthMultiplier = depthMultiplier == null ? 1 : depthMultiplier;
      positive(name, "depthMultiplier", depthMultiplier);
      padding = pad(padding);
      activation = act(activation);
      useBias = useBias == null || useBias;
    }
  }

  /**
   * A separable 2-D convolution: a depthwise convolution followed by a 1x1 pointwise convolution.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param filters output channels of the pointwise step
   * @param kernel [height, width] of the depthwise step
   * @param strides [height, width] (default [1, 1])
   * @param depthMultiplier depthwise filters per input channel (default 1)
   * @param padding same (default) or valid
   * @param activation the activation (default linear)
   * @param useBias whether to add a bias (default true)
   */
  record SeparableConv2d(
      String name,
      List<String> inputs,
      int filters,
      List<Integer> kernel,
      List<Integer> strides,
      Integer depthMultiplier,
      Padding padding,
      Activation activation,
      Boolean useBias)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public SeparableConv2d {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "filters", filters);
      ConfigException.require(kernel != null, "layers[" + name + "].kernel", null, "[h, w]");
      kernel = pair(name, "kernel", kernel, 1);
      strides = pair(name, "strides", strides, 1);
      depthMultiplier = depthMultiplier == null ? 1 : depthMultiplier;
      positive(name, "depthMultiplier", depthMultiplier);
      padding = pad(padding);
      activation = act(activation);
      useBias = useBias == null || useBias;
    }
  }

  /**
   * 2-D max pooling over NHWC inputs.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param pool [height, width] (default [2, 2])
   * @param strides [height, width] (default = pool)
   * @param padding valid (default) or same
   */
  record MaxPool2d(
      String name, List<String> inputs, List<Integer> pool, List<Integer> strides, Padding padding)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public MaxPool2d {
      checkName(name);
      inputs = copyInputs(inputs);
      pool = pair(name, "pool", pool, 2);
      strides = strides == null ? pool : pair(name, "strides", strides, 2);
      padding = padding == null ? Padding.VALID : padding;
    }
  }

  /**
   * 2-D average pooling over NHWC inputs.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param pool [height, width] (default [2, 2])
   * @param strides [height, width] (default = pool)
   * @param padding valid (default) or same
   */
  record AvgPool2d(
      String name, List<String> inputs, List<Integer> pool, List<Integer> strides, Padding padding)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public AvgPool2d {
      checkName(name);
      inputs = copyInputs(inputs);
      pool = pair(name, "pool", pool, 2);
      strides = strides == null ? pool : pair(name, "strides", strides, 2);
      padding = padding == null ? Padding.VALID : padding;
    }
  }

  /**
   * The mean over all axes but batch and channels ([b, h, w, c] or [b, l, c] to [b, c]).
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   */
  record GlobalAvgPool(String name, List<String> inputs) implements LayerSpec {
    /** Validates and applies defaults. */
    public GlobalAvgPool {
      checkName(name);
      inputs = copyInputs(inputs);
    }
  }

  /**
   * The maximum over all axes but batch and channels.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   */
  record GlobalMaxPool(String name, List<String> inputs) implements LayerSpec {
    /** Validates and applies defaults. */
    public GlobalMaxPool {
      checkName(name);
      inputs = copyInputs(inputs);
    }
  }

  /**
   * Flattens each example to a vector.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   */
  record Flatten(String name, List<String> inputs) implements LayerSpec {
    /** Validates and applies defaults. */
    public Flatten {
      checkName(name);
      inputs = copyInputs(inputs);
    }
  }

  /**
   * Reshapes each example (the batch axis is kept).
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param shape the per-example shape; one entry may be -1
   */
  record Reshape(String name, List<String> inputs, List<Integer> shape) implements LayerSpec {
    /** Validates and applies defaults. */
    public Reshape {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(
          shape != null && !shape.isEmpty() && shape.stream().allMatch(d -> d > 0 || d == -1),
          "layers[" + name + "].shape",
          shape,
          "a non-empty list of positive sizes (at most one -1)");
      shape = List.copyOf(shape);
    }
  }

  /**
   * Inverted dropout: during training, zeroes each value with probability {@code rate} and scales
   * the rest by 1 / (1 - rate); the identity at inference.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param rate the drop probability in [0, 1)
   */
  record Dropout(String name, List<String> inputs, double rate) implements LayerSpec {
    /** Validates and applies defaults. */
    public Dropout {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(
          rate >= 0 && rate < 1, "layers[" + name + "].rate", rate, "in [0, 1)");
    }
  }

  /**
   * Batch normalisation over the last (channel) axis. Training normalises with the batch statistics
   * and updates the moving statistics ({@code moving = momentum * moving + (1 - momentum) *
   * batch}); inference (and training while the layer is frozen) uses the moving statistics.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param momentum moving-average momentum (default 0.99)
   * @param epsilon variance epsilon (default 1e-3)
   */
  record BatchNorm(String name, List<String> inputs, Double momentum, Double epsilon)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public BatchNorm {
      checkName(name);
      inputs = copyInputs(inputs);
      momentum = momentum == null ? 0.99 : momentum;
      epsilon = epsilon == null ? 1e-3 : epsilon;
      ConfigException.require(
          momentum >= 0 && momentum < 1, "layers[" + name + "].momentum", momentum, "in [0, 1)");
      ConfigException.require(epsilon > 0, "layers[" + name + "].epsilon", epsilon, "positive");
    }
  }

  /**
   * Layer normalisation over the last axis, with learned scale and offset.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param epsilon variance epsilon (default 1e-5)
   */
  record LayerNorm(String name, List<String> inputs, Double epsilon) implements LayerSpec {
    /** Validates and applies defaults. */
    public LayerNorm {
      checkName(name);
      inputs = copyInputs(inputs);
      epsilon = epsilon == null ? 1e-5 : epsilon;
      ConfigException.require(epsilon > 0, "layers[" + name + "].epsilon", epsilon, "positive");
    }
  }

  /**
   * A lookup table: integer ids (fed as floats holding whole numbers in [0, vocabularySize)) to
   * learned vectors; the output gains a trailing axis of size {@code dimension}.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param vocabularySize number of ids
   * @param dimension vector size
   */
  record Embedding(String name, List<String> inputs, int vocabularySize, int dimension)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public Embedding {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "vocabularySize", vocabularySize);
      positive(name, "dimension", dimension);
    }
  }

  /**
   * A learned position embedding added to a sequence: the input {@code [batch, length, width]} plus
   * a {@code [length, width]} parameter ({@code <layer>/embeddings}), so that order-blind layers
   * such as {@link SelfAttention} can tell positions apart.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   */
  record PositionEmbedding(String name, List<String> inputs) implements LayerSpec {
    /** Validates and applies defaults. */
    public PositionEmbedding {
      checkName(name);
      inputs = copyInputs(inputs);
    }
  }

  /**
   * Multi-head scaled dot-product self-attention over a sequence {@code [batch, length, width]}:
   * query, key and value projections to {@code heads x keyDimension}, {@code softmax(q k^T /
   * sqrt(keyDimension)) v} per head, heads concatenated and projected back to {@code width}. The
   * output has the input's shape (add it to the input for a residual connection).
   *
   * <p>With a second input (usually {@code "input"}, the token ids {@code [batch, length]}), keys
   * whose id is 0 (padding) receive no attention from any query.
   *
   * @param name the layer name
   * @param inputs the sequence, optionally followed by the token ids for the padding mask
   * @param heads the number of heads, positive
   * @param keyDimension the width of each head (default {@code width / heads}, which must then
   *     divide evenly)
   */
  record SelfAttention(String name, List<String> inputs, int heads, Integer keyDimension)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public SelfAttention {
      checkName(name);
      inputs = copyInputs(inputs);
      positive(name, "heads", heads);
      ConfigException.require(
          keyDimension == null || keyDimension > 0,
          "layers[" + name + "].keyDimension",
          keyDimension,
          "positive (or left out: width / heads)");
      ConfigException.require(
          inputs.size() <= 2,
          "layers[" + name + "].inputs",
          inputs,
          "the sequence layer, optionally followed by the token ids (e.g. 'input')");
    }
  }

  /**
   * A stand-alone activation.
   *
   * @param name the layer name
   * @param inputs the input layers (empty = previous)
   * @param activation the function
   */
  record ActivationLayer(String name, List<String> inputs, Activation activation)
      implements LayerSpec {
    /** Validates and applies defaults. */
    public ActivationLayer {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(
          activation != null, "layers[" + name + "].activation", null, "an activation name");
    }
  }

  /**
   * The element-wise sum of two or more same-shaped inputs (a residual connection).
   *
   * @param name the layer name
   * @param inputs two or more input layer names
   */
  record Add(String name, List<String> inputs) implements LayerSpec {
    /** Validates and applies defaults. */
    public Add {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(
          inputs.size() >= 2, "layers[" + name + "].inputs", inputs, "two or more layer names");
    }
  }

  /**
   * Concatenation of two or more inputs along an axis.
   *
   * @param name the layer name
   * @param inputs two or more input layer names
   * @param axis the axis, counted with the batch axis as 0; negative counts from the end (default
   *     -1)
   */
  record Concat(String name, List<String> inputs, Integer axis) implements LayerSpec {
    /** Validates and applies defaults. */
    public Concat {
      checkName(name);
      inputs = copyInputs(inputs);
      ConfigException.require(
          inputs.size() >= 2, "layers[" + name + "].inputs", inputs, "two or more layer names");
      axis = axis == null ? -1 : axis;
      ConfigException.require(axis != 0, "layers[" + name + "].axis", axis, "not the batch axis 0");
    }
  }
}
