package dev.graft.tensorflow.nn;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Builds a {@link NetworkSpec} into a TensorFlow graph: one set of parameter variables shared by
 * any number of forward passes (an inference pass and a training pass).
 *
 * <p>Parameters are created on first use with the layer name as scope ({@code dense1/kernel});
 * their initial values are recorded in {@link #initialValues()} and must be assigned before the
 * first run (a {@link GraphModel} does this).
 */
public final class NetworkGraph {

  private final Ops root;
  private final NetworkSpec spec;
  private final long seed;
  private final Set<String> frozen;
  private final Operand<TFloat32> step;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Map<String, float[]> initialValues = new HashMap<>();
  private final Map<String, Ops> layerScopes = new HashMap<>();
  private final Map<String, Integer> layerIndex = new HashMap<>();

  /**
   * Prepares a builder; no op is added until {@link #forward} is called.
   *
   * @param tf the root op factory of the graph
   * @param spec the network
   * @param seed seeds parameter initialisation and dropout masks
   * @param frozen names of layers that do not train (their batch norms use moving statistics)
   * @param step the global step (completed updates), seeds per-step dropout masks
   */
  public NetworkGraph(
      Ops tf, NetworkSpec spec, long seed, Set<String> frozen, Operand<TFloat32> step) {
    this.root = tf;
    this.spec = spec;
    this.seed = seed;
    this.frozen = Set.copyOf(frozen);
    this.step = step;
    for (int i = 0; i < spec.layers().size(); i++) {
      layerIndex.put(spec.layers().get(i).name(), i);
    }
  }

  /**
   * The parameters created so far, in creation order.
   *
   * @return name to parameter
   */
  public Map<String, Parameter> parameters() {
    return java.util.Collections.unmodifiableMap(parameters);
  }

  /**
   * The initial value of each parameter.
   *
   * @return name to row-major values
   */
  public Map<String, float[]> initialValues() {
    return java.util.Collections.unmodifiableMap(initialValues);
  }

  /**
   * Adds a forward pass.
   *
   * @param input the network input [batch, input shape...]
   * @param training true for the training pass (dropout active, batch statistics, moving-average
   *     updates)
   * @param scope a sub-scope name for the pass' ops, e.g. "infer"
   * @return the pass
   */
  public ForwardPass forward(Operand<TFloat32> input, boolean training, String scope) {
    Ops tf = root.withSubScope(scope);
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put(LayerSpec.NETWORK_INPUT, input);
    Map<String, List<String>> inputs = spec.resolvedInputs();
    List<Op> updates = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      List<Operand<TFloat32>> in = new ArrayList<>();
      for (String name : inputs.get(layer.name())) {
        in.add(outputs.get(name));
      }
      Ops lt = tf.withSubScope(layer.name());
      try {
        outputs.put(layer.name(), layer(lt, layer, in, training, updates));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            GraftErrors.TENSOR_MISMATCH,
            "layer '"
                + layer.name()
                + "' cannot take its input of shape "
                + in.stream().map(o -> o.shape().toString()).toList()
                + ": "
                + e.getMessage()
                + ". Check the layer's settings and the shapes of the layers it reads.");
      }
    }
    return new ForwardPass(
        outputs,
        outputs.get(spec.outputLayer().name()),
        outputs.get(spec.featuresLayer()),
        List.copyOf(updates));
  }

  private Operand<TFloat32> layer(
      Ops tf, LayerSpec layer, List<Operand<TFloat32>> in, boolean training, List<Op> updates) {
    Operand<TFloat32> x = in.get(0);
    String n = layer.name();
    if (layer instanceof LayerSpec.Dense d) {
      return d.activation().apply(tf, dense(tf, n, x, d.units(), d.useBias()));
    } else if (layer instanceof LayerSpec.Conv2d c) {
      requireRank(n, x, 4, "[batch, height, width, channels]");
      long ch = x.shape().size(-1);
      Variable<TFloat32> k =
          kernel(n, "kernel", c.kernel().get(0), c.kernel().get(1), ch, c.filters());
      Operand<TFloat32> y = tf.nn.conv2d(x, k, strides(c.strides()), c.padding().name());
      return c.activation().apply(tf, bias(tf, n, y, c.filters(), c.useBias()));
    } else if (layer instanceof LayerSpec.Conv1d c) {
      requireRank(n, x, 3, "[batch, length, channels]");
      long ch = x.shape().size(-1);
      Variable<TFloat32> k =
          param(
              n,
              "kernel",
              Parameter.Role.KERNEL,
              Initializers.Kind.GLOROT_UNIFORM,
              c.kernelSize(),
              ch,
              c.filters());
      Operand<TFloat32> k4 =
          tf.reshape(k, tf.constant(new long[] {1, c.kernelSize(), ch, c.filters()}));
      Operand<TFloat32> y =
          tf.nn.conv2d(
              tf.expandDims(x, tf.constant(1)),
              k4,
              List.of(1L, 1L, (long) c.stride(), 1L),
              c.padding().name());
      y = tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(1L));
      return c.activation().apply(tf, bias(tf, n, y, c.filters(), c.useBias()));
    } else if (layer instanceof LayerSpec.DepthwiseConv2d c) {
      requireRank(n, x, 4, "[batch, height, width, channels]");
      long ch = x.shape().size(-1);
      Variable<TFloat32> k =
          kernel(
              n, "depthwise_kernel", c.kernel().get(0), c.kernel().get(1), ch, c.depthMultiplier());
      Operand<TFloat32> y =
          tf.nn.depthwiseConv2dNative(x, k, strides(c.strides()), c.padding().name());
      return c.activation().apply(tf, bias(tf, n, y, ch * c.depthMultiplier(), c.useBias()));
    } else if (layer instanceof LayerSpec.SeparableConv2d c) {
      requireRank(n, x, 4, "[batch, height, width, channels]");
      long ch = x.shape().size(-1);
      Variable<TFloat32> dk =
          kernel(
              n, "depthwise_kernel", c.kernel().get(0), c.kernel().get(1), ch, c.depthMultiplier());
      Variable<TFloat32> pk =
          kernel(n, "pointwise_kernel", 1, 1, ch * c.depthMultiplier(), c.filters());
      Operand<TFloat32> y =
          tf.nn.depthwiseConv2dNative(x, dk, strides(c.strides()), c.padding().name());
      y = tf.nn.conv2d(y, pk, List.of(1L, 1L, 1L, 1L), "VALID");
      return c.activation().apply(tf, bias(tf, n, y, c.filters(), c.useBias()));
    } else if (layer instanceof LayerSpec.MaxPool2d p) {
      requireRank(n, x, 4, "[batch, height, width, channels]");
      return tf.nn.maxPool(
          x,
          tf.constant(new int[] {1, p.pool().get(0), p.pool().get(1), 1}),
          tf.constant(new int[] {1, p.strides().get(0), p.strides().get(1), 1}),
          p.padding().name());
    } else if (layer instanceof LayerSpec.AvgPool2d p) {
      requireRank(n, x, 4, "[batch, height, width, channels]");
      return tf.nn.avgPool(
          x,
          List.of(1L, (long) p.pool().get(0), (long) p.pool().get(1), 1L),
          strides(p.strides()),
          p.padding().name());
    } else if (layer instanceof LayerSpec.GlobalAvgPool) {
      return tf.math.mean(x, tf.constant(innerAxes(n, x)));
    } else if (layer instanceof LayerSpec.GlobalMaxPool) {
      return tf.reduceMax(x, tf.constant(innerAxes(n, x)));
    } else if (layer instanceof LayerSpec.Flatten) {
      long size = 1;
      for (int i = 1; i < x.shape().numDimensions(); i++) {
        size *= x.shape().size(i);
      }
      return tf.reshape(x, tf.constant(new long[] {-1, size}));
    } else if (layer instanceof LayerSpec.Reshape r) {
      long[] dims = new long[r.shape().size() + 1];
      dims[0] = -1;
      for (int i = 0; i < r.shape().size(); i++) {
        dims[i + 1] = r.shape().get(i);
      }
      return tf.reshape(x, tf.constant(dims));
    } else if (layer instanceof LayerSpec.Dropout d) {
      return training && d.rate() > 0 ? dropout(tf, n, x, d.rate()) : x;
    } else if (layer instanceof LayerSpec.BatchNorm b) {
      return batchNorm(tf, n, x, b, training && !frozen.contains(n), updates);
    } else if (layer instanceof LayerSpec.LayerNorm l) {
      return layerNorm(tf, n, x, l.epsilon());
    } else if (layer instanceof LayerSpec.Embedding e) {
      Variable<TFloat32> table =
          param(
              n,
              "embeddings",
              Parameter.Role.OTHER_WEIGHT,
              Initializers.Kind.SMALL_UNIFORM,
              e.vocabularySize(),
              e.dimension());
      Operand<TInt32> ids = tf.dtypes.cast(x, TInt32.class);
      return tf.gather(table, ids, tf.constant(0));
    } else if (layer instanceof LayerSpec.PositionEmbedding) {
      requireRank(n, x, 3, "[batch, length, width]");
      Variable<TFloat32> positions =
          param(
              n,
              "embeddings",
              Parameter.Role.OTHER_WEIGHT,
              Initializers.Kind.SMALL_UNIFORM,
              x.shape().size(1),
              x.shape().size(2));
      return tf.math.add(x, positions);
    } else if (layer instanceof LayerSpec.SelfAttention a) {
      return selfAttention(tf, n, in, a);
    } else if (layer instanceof LayerSpec.ActivationLayer a) {
      return a.activation().apply(tf, x);
    } else if (layer instanceof LayerSpec.Add) {
      Operand<TFloat32> sum = x;
      for (int i = 1; i < in.size(); i++) {
        requireSameShape(n, x, in.get(i));
        sum = tf.math.add(sum, in.get(i));
      }
      return sum;
    } else if (layer instanceof LayerSpec.Concat c) {
      return tf.concat(in, tf.constant(c.axis()));
    }
    throw new IllegalStateException("unhandled layer type " + layer.getClass());
  }

  private Operand<TFloat32> selfAttention(
      Ops tf, String n, List<Operand<TFloat32>> in, LayerSpec.SelfAttention a) {
    Operand<TFloat32> x = in.get(0);
    requireRank(n, x, 3, "[batch, length, width]");
    long length = x.shape().size(1);
    long width = x.shape().size(2);
    Operand<TFloat32> ids = null;
    if (in.size() > 1) {
      ids = in.get(1);
      if (ids.shape().numDimensions() != 2 || ids.shape().size(1) != length) {
        throw new IllegalArgumentException(
            "the padding-mask input of '"
                + n
                + "' must be token ids [batch, "
                + length
                + "], got "
                + ids.shape());
      }
    }
    long keyDim;
    if (a.keyDimension() != null) {
      keyDim = a.keyDimension();
    } else {
      if (width % a.heads() != 0) {
        throw new IllegalArgumentException(
            "width " + width + " is not divisible by " + a.heads() + " heads; set keyDimension");
      }
      keyDim = width / a.heads();
    }
    long inner = a.heads() * keyDim;
    List<String> p = AttentionOps.PARAMETERS;
    Parameter.Role k = Parameter.Role.KERNEL;
    Parameter.Role b = Parameter.Role.OTHER_WEIGHT;
    Initializers.Kind g = Initializers.Kind.GLOROT_UNIFORM;
    Initializers.Kind z = Initializers.Kind.ZEROS;
    AttentionOps.Weights w =
        new AttentionOps.Weights(
            param(n, p.get(0), k, g, width, inner),
            param(n, p.get(1), b, z, inner),
            param(n, p.get(2), k, g, width, inner),
            param(n, p.get(3), b, z, inner),
            param(n, p.get(4), k, g, width, inner),
            param(n, p.get(5), b, z, inner),
            param(n, p.get(6), k, g, inner, width),
            param(n, p.get(7), b, z, width));
    return AttentionOps.apply(tf, x, ids, w, a.heads(), keyDim);
  }

  private Operand<TFloat32> dense(
      Ops tf, String n, Operand<TFloat32> x, int units, boolean useBias) {
    int rank = x.shape().numDimensions();
    if (rank < 2) {
      throw new IllegalArgumentException("a dense layer needs at least [batch, features]");
    }
    long in = x.shape().size(-1);
    Variable<TFloat32> k =
        param(n, "kernel", Parameter.Role.KERNEL, Initializers.Kind.GLOROT_UNIFORM, in, units);
    Operand<TFloat32> y;
    if (rank == 2) {
      y = tf.linalg.matMul(x, k);
    } else {
      long[] outDims = x.shape().asArray().clone();
      outDims[0] = -1;
      outDims[rank - 1] = units;
      Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {-1, in}));
      y = tf.reshape(tf.linalg.matMul(flat, k), tf.constant(outDims));
    }
    return bias(tf, n, y, units, useBias);
  }

  private Operand<TFloat32> bias(
      Ops tf, String n, Operand<TFloat32> y, long units, boolean useBias) {
    if (!useBias) {
      return y;
    }
    Variable<TFloat32> b =
        param(n, "bias", Parameter.Role.OTHER_WEIGHT, Initializers.Kind.ZEROS, units);
    return tf.nn.biasAdd(y, b);
  }

  private Variable<TFloat32> kernel(String n, String name, long kh, long kw, long in, long out) {
    return param(n, name, Parameter.Role.KERNEL, Initializers.Kind.GLOROT_UNIFORM, kh, kw, in, out);
  }

  private Operand<TFloat32> dropout(Ops tf, String n, Operand<TFloat32> x, double rate) {
    Operand<TInt64> stepSeed =
        tf.math.add(
            tf.math.mul(tf.dtypes.cast(step, TInt64.class), tf.constant(1_000_003L)),
            tf.constant((long) layerIndex.get(n)));
    Operand<TInt64> seeds =
        tf.concat(
            List.of(
                tf.constant(new long[] {seed}), tf.reshape(stepSeed, tf.constant(new int[] {1}))),
            tf.constant(0));
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), seeds);
    Operand<TFloat32> keep = tf.math.floor(tf.math.add(u, tf.constant((float) (1 - rate))));
    return tf.math.mul(x, tf.math.mul(keep, tf.constant((float) (1 / (1 - rate)))));
  }

  private Operand<TFloat32> batchNorm(
      Ops tf,
      String n,
      Operand<TFloat32> x,
      LayerSpec.BatchNorm b,
      boolean useBatch,
      List<Op> updates) {
    long ch = x.shape().size(-1);
    Variable<TFloat32> gamma =
        param(n, "gamma", Parameter.Role.OTHER_WEIGHT, Initializers.Kind.ONES, ch);
    Variable<TFloat32> beta =
        param(n, "beta", Parameter.Role.OTHER_WEIGHT, Initializers.Kind.ZEROS, ch);
    Variable<TFloat32> movingMean =
        param(n, "moving_mean", Parameter.Role.MOVING_STATISTIC, Initializers.Kind.ZEROS, ch);
    Variable<TFloat32> movingVar =
        param(n, "moving_variance", Parameter.Role.MOVING_STATISTIC, Initializers.Kind.ONES, ch);
    Operand<TFloat32> mean;
    Operand<TFloat32> variance;
    if (useBatch) {
      int[] axes = new int[x.shape().numDimensions() - 1];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = i;
      }
      mean = tf.math.mean(x, tf.constant(axes));
      variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), tf.constant(axes));
      Operand<TFloat32> keep = tf.constant(b.momentum().floatValue());
      Operand<TFloat32> fresh = tf.constant((float) (1 - b.momentum()));
      updates.add(
          tf.assign(
              movingMean,
              tf.math.add(
                  tf.math.mul(movingMean, keep), tf.math.mul(tf.stopGradient(mean), fresh))));
      updates.add(
          tf.assign(
              movingVar,
              tf.math.add(
                  tf.math.mul(movingVar, keep), tf.math.mul(tf.stopGradient(variance), fresh))));
    } else {
      mean = movingMean;
      variance = movingVar;
    }
    Operand<TFloat32> scale =
        tf.math.mul(
            gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(b.epsilon().floatValue()))));
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta);
  }

  private Operand<TFloat32> layerNorm(Ops tf, String n, Operand<TFloat32> x, double eps) {
    long ch = x.shape().size(-1);
    Variable<TFloat32> gamma =
        param(n, "gamma", Parameter.Role.OTHER_WEIGHT, Initializers.Kind.ONES, ch);
    Variable<TFloat32> beta =
        param(n, "beta", Parameter.Role.OTHER_WEIGHT, Initializers.Kind.ZEROS, ch);
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.square(centered), tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> normed =
        tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) eps))));
    return tf.math.add(tf.math.mul(normed, gamma), beta);
  }

  private Variable<TFloat32> param(
      String layer, String name, Parameter.Role role, Initializers.Kind init, long... shape) {
    String full = layer + "/" + name;
    Parameter existing = parameters.get(full);
    if (existing != null) {
      if (!Arrays.equals(existing.shape(), shape)) {
        throw new IllegalArgumentException(
            "parameter "
                + full
                + " exists with shape "
                + Arrays.toString(existing.shape())
                + " but is needed with shape "
                + Arrays.toString(shape));
      }
      return existing.variable();
    }
    Ops scope = layerScopes.computeIfAbsent(layer, root::withSubScope);
    Variable<TFloat32> v = scope.withName(name).variable(Shape.of(shape), TFloat32.class);
    parameters.put(full, new Parameter(full, layer, role, shape.clone(), v));
    initialValues.put(full, Initializers.values(init, shape, seed, full));
    return v;
  }

  private static List<Long> strides(List<Integer> s) {
    return List.of(1L, (long) s.get(0), (long) s.get(1), 1L);
  }

  private static int[] innerAxes(String n, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    if (rank < 3) {
      throw new IllegalArgumentException(
          "global pooling in '"
              + n
              + "' needs [batch, ..., channels] with at least one spatial axis");
    }
    int[] axes = new int[rank - 2];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 1;
    }
    return axes;
  }

  private static void requireRank(String n, Operand<TFloat32> x, int rank, String expected) {
    if (x.shape().numDimensions() != rank) {
      throw new IllegalArgumentException(
          "layer '" + n + "' needs rank-" + rank + " input " + expected + ", got " + x.shape());
    }
  }

  private static void requireSameShape(String n, Operand<TFloat32> a, Operand<TFloat32> b) {
    if (!Arrays.equals(a.shape().asArray(), b.shape().asArray())) {
      throw new IllegalArgumentException(
          "layer '" + n + "' adds inputs of different shapes " + a.shape() + " and " + b.shape());
    }
  }
}
