package dev.graft.tensorflow.nn;

import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A network built into its own TensorFlow {@link Graph} and {@link Session}, ready to train,
 * predict, checkpoint and export. Owns both native objects: close it (try-with-resources).
 *
 * <p>The graph holds an inference pass ({@code outputs}, {@code logits}, {@code features}, {@code
 * eval_loss}) and a training pass whose {@code train_step} output is the batch loss with every
 * update (optimizer, batch-norm statistics, step counter) as a control dependency. The named ops
 * are listed in {@link Endpoints}.
 *
 * <pre>{@code
 * NetworkSpec spec = NetworkSpec.builder().setInputShape(4)
 *     .dense("hidden", 16, Activation.RELU).dense("logits", 3, Activation.LINEAR).build();
 * try (GraphModel model = GraphModel.builder().setNetwork(spec)
 *     .setLoss(LossSpec.softmaxCrossEntropy()).optOptimizer(OptimizerSpec.adam(1e-2))
 *     .optSeed(7).build()) {
 *   float loss = model.trainStep(x, oneHot, null, batchSize);
 *   float[] probabilities = model.predict(x, batchSize);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread trains or predicts at a time.
 */
public final class GraphModel implements AutoCloseable {

  /**
   * The names of the graph's entry points (op names; the tensor is output 0).
   *
   * @param input the input placeholder [batch, input shape...]
   * @param targets the targets placeholder [batch, outputs]
   * @param exampleWeights the per-example weights placeholder [batch] (defaults to ones)
   * @param outputs probabilities (classification) or values (regression), inference mode
   * @param logits raw outputs, inference mode
   * @param features the features layer's output, inference mode
   * @param evalLoss per-example loss, inference mode [batch]
   * @param trainStep the training loss; running it applies one update
   * @param globalStep the step counter variable
   * @param learningRate the current learning rate (schedule, before multipliers)
   */
  public record Endpoints(
      String input,
      String targets,
      String exampleWeights,
      String outputs,
      String logits,
      String features,
      String evalLoss,
      String trainStep,
      String globalStep,
      String learningRate) {}

  private final NetworkSpec spec;
  private final LossSpec lossSpec;
  private final OptimizerSpec optimizerSpec;
  private final FineTuning fineTuning;
  private final long seed;
  private final String deviceLabel;
  private final Graph graph;
  private final Session session;
  private final Map<String, Parameter> state = new LinkedHashMap<>();
  private final Map<String, Placeholder<TFloat32>> stateFeeds = new LinkedHashMap<>();
  private final Map<String, Op> stateAssigns = new LinkedHashMap<>();
  private final Map<String, Ops> slotScopes = new java.util.HashMap<>();
  private Ops slotRoot;
  private final Set<String> trainableLayers;
  private final List<Parameter> trained = new ArrayList<>();
  private final List<Output<?>> gradients = new ArrayList<>();
  private final Placeholder<TFloat32> input;
  private final Placeholder<TFloat32> targets;
  private final Operand<TFloat32> exampleWeights;
  private final Operand<TFloat32> logits;
  private final Operand<TFloat32> outputs;
  private final Operand<TFloat32> features;
  private final Operand<TFloat32> evalLoss;
  private final Operand<TFloat32> trainLoss;
  private final Operand<TFloat32> trainStep;
  private final Variable<TFloat32> step;
  private final Operand<TFloat32> learningRate;
  private final int inputSize;
  private final int outputWidth;
  private final int featureWidth;

  private GraphModel(Builder b) {
    this.spec = Objects.requireNonNull(b.network, "network");
    this.lossSpec = Objects.requireNonNull(b.loss, "loss");
    this.optimizerSpec = b.optimizer;
    this.fineTuning = b.fineTuning;
    this.seed = b.seed;
    this.deviceLabel = b.deviceLabel;
    this.inputSize = spec.input().exampleSize();
    Graph g = new Graph();
    Session s = null;
    try {
      Ops tf = Ops.create(g);
      if (b.gpuIndex != null) {
        tf =
            tf.withDevice(
                org.tensorflow.DeviceSpec.newBuilder()
                    .deviceType(org.tensorflow.DeviceSpec.DeviceType.GPU)
                    .deviceIndex(b.gpuIndex)
                    .build());
      }
      input =
          tf.withName("input")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(spec.input().withBatch(-1))));
      step = tf.withName("global_step").variable(Shape.scalar(), TFloat32.class);
      addState(new Parameter("global_step", "", Parameter.Role.STEP, new long[0], step));

      List<String> parametrised = parametrisedLayers();
      this.trainableLayers = fineTuning.trainableLayers(spec, parametrised);
      Set<String> frozen = new HashSet<>();
      spec.layers().forEach(l -> frozen.add(l.name()));
      frozen.removeAll(trainableLayers);

      NetworkGraph net = new NetworkGraph(tf, spec, seed, frozen, step);
      ForwardPass infer = net.forward(input, false, "infer");
      Operand<TFloat32> rawLogits = infer.outputs();
      if (rawLogits.shape().numDimensions() != 2) {
        throw new ConfigException(
            GraftErrors.TENSOR_MISMATCH,
            "the output layer '"
                + spec.outputLayer().name()
                + "' produces shape "
                + rawLogits.shape()
                + " but losses need [batch, outputs]; end the network with a"
                + " dense layer after a flatten or global pooling layer.");
      }
      outputWidth = Math.toIntExact(rawLogits.shape().size(1));
      featureWidth = Math.toIntExact(sizeWithoutBatch(infer.features().shape()));
      logits = tf.withName("logits").identity(rawLogits);
      outputs = tf.withName("outputs").identity(Losses.outputs(tf, lossSpec.kind(), rawLogits));
      features = tf.withName("features").identity(infer.features());
      targets =
          tf.withName("targets")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputWidth)));
      exampleWeights =
          tf.withName("example_weights")
              .placeholderWithDefault(
                  tf.onesLike(tf.math.mean(targets, tf.constant(1))), Shape.of(-1));
      evalLoss =
          tf.withName("eval_loss")
              .identity(
                  tf.math.mul(
                      Losses.perExample(tf.withSubScope("eval"), lossSpec, rawLogits, targets),
                      exampleWeights));

      ForwardPass train = net.forward(input, true, "train");
      for (Parameter p : net.parameters().values()) {
        addState(p);
      }
      for (Parameter p : net.parameters().values()) {
        if (p.role().isLearned() && trainableLayers.contains(p.layer())) {
          trained.add(p);
        }
      }
      if (trained.isEmpty()) {
        throw new ConfigException(
            "'fineTuning' leaves no trainable parameter (trainable layers: "
                + trainableLayers
                + "); make at least one layer with weights trainable.");
      }
      Ops lt = tf.withSubScope("loss");
      Operand<TFloat32> perExample = Losses.perExample(lt, lossSpec, train.outputs(), targets);
      Operand<TFloat32> loss =
          lt.math.mean(lt.math.mul(perExample, exampleWeights), lt.constant(0));
      if (optimizerSpec.l2() > 0) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (Parameter p : trained) {
          if (p.role() == Parameter.Role.KERNEL) {
            // L2Loss = sum(w^2) / 2; Square applied directly to a reference variable crashes
            // TensorFlow's C++ gradient builder (SIGSEGV in Node::output_type)
            squares.add(lt.math.mul(lt.constant(2f), lt.nn.l2Loss(p.variable())));
          }
        }
        if (!squares.isEmpty()) {
          loss =
              lt.math.add(
                  loss,
                  lt.math.mul(lt.constant((float) optimizerSpec.l2()), lt.math.addN(squares)));
        }
      }
      trainLoss = loss;
      Output<?>[] xs = trained.stream().map(p -> p.variable().asOutput()).toArray(Output<?>[]::new);
      Output<?>[] grads = g.addGradients("gradients", new Output<?>[] {loss.asOutput()}, xs, null);
      List<Operation> gradOps = new ArrayList<>();
      List<Operand<TFloat32>> clipped = new ArrayList<>();
      Ops ot = tf.withSubScope("optimizer");
      slotRoot = tf.withSubScope("slots");
      for (Output<?> gr : grads) {
        gradients.add(gr);
        gradOps.add(gr.op());
        clipped.add(clipValue(ot, cast(gr)));
      }
      clipped = clipNorm(ot, clipped);
      learningRate =
          tf.withName("learning_rate").identity(optimizerSpec.schedule().build(ot, step));
      List<Operand<TFloat32>> rates = new ArrayList<>();
      for (Parameter p : trained) {
        double m = fineTuning.rateMultiplier(p.layer());
        rates.add(m == 1 ? learningRate : ot.math.mul(learningRate, ot.constant((float) m)));
      }
      // every update waits for every gradient: ref variables are read in place, so an early
      // update would change values other layers' gradients still read (non-determinism)
      gradOps.add(loss.op());
      Ops after = ot.withControlDependencyOps(gradOps);
      List<Op> updates =
          Optimizers.updates(after, optimizerSpec, trained, clipped, rates, step, this::slot);
      List<Op> all = new ArrayList<>(updates);
      all.addAll(train.updates());
      Op increment =
          tf.withControlDependencies(all)
              .withName("step_increment")
              .assignAdd(step, tf.constant(1f));
      trainStep =
          tf.withControlDependencies(List.of(increment)).withName("train_step").identity(loss);

      for (Parameter p : state.values()) {
        Ops io = tf.withSubScope("state_io");
        String base = p.name().replace('/', '.');
        Placeholder<TFloat32> feed =
            io.withName(base + "_value")
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(p.shape())));
        stateFeeds.put(p.name(), feed);
        stateAssigns.put(p.name(), io.withName(base + "_assign").assign(p.variable(), feed));
      }
      s = new Session(g, b.sessionConfig);
      this.graph = g;
      this.session = s;
      Map<String, float[]> init = new LinkedHashMap<>();
      for (Parameter p : state.values()) {
        float[] v = net.initialValues().get(p.name());
        init.put(p.name(), v != null ? v : new float[p.size()]);
      }
      writeState(init);
    } catch (RuntimeException e) {
      if (s != null) {
        s.close();
      }
      g.close();
      throw e;
    }
  }

  private List<String> parametrisedLayers() {
    List<String> out = new ArrayList<>();
    for (LayerSpec l : spec.layers()) {
      if (l instanceof LayerSpec.Dense
          || l instanceof LayerSpec.Conv1d
          || l instanceof LayerSpec.Conv2d
          || l instanceof LayerSpec.DepthwiseConv2d
          || l instanceof LayerSpec.SeparableConv2d
          || l instanceof LayerSpec.BatchNorm
          || l instanceof LayerSpec.LayerNorm
          || l instanceof LayerSpec.Embedding) {
        out.add(l.name());
      }
    }
    return out;
  }

  private Variable<TFloat32> slot(Parameter p, String slotName) {
    Ops scope = slotScopes.computeIfAbsent(p.layer(), slotRoot::withSubScope);
    Variable<TFloat32> v =
        scope
            .withName(p.name().substring(p.layer().length() + 1) + "_" + slotName)
            .variable(Shape.of(p.shape()), TFloat32.class);
    addState(
        new Parameter(
            "optimizer/" + p.name() + "/" + slotName,
            p.layer(),
            Parameter.Role.OPTIMIZER_SLOT,
            p.shape(),
            v));
    return v;
  }

  private void addState(Parameter p) {
    state.put(p.name(), p);
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> cast(Output<?> o) {
    return (Output<TFloat32>) o;
  }

  private Operand<TFloat32> clipValue(Ops tf, Operand<TFloat32> g) {
    if (optimizerSpec.clipValue() == 0) {
      return g;
    }
    float c = (float) optimizerSpec.clipValue();
    return tf.clipByValue(g, tf.constant(-c), tf.constant(c));
  }

  private List<Operand<TFloat32>> clipNorm(Ops tf, List<Operand<TFloat32>> grads) {
    if (optimizerSpec.clipNorm() == 0) {
      return grads;
    }
    List<Operand<TFloat32>> squares = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      squares.add(tf.reduceSum(tf.math.square(g), allAxes(tf, g.shape().numDimensions())));
    }
    Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
    Operand<TFloat32> limit = tf.constant((float) optimizerSpec.clipNorm());
    Operand<TFloat32> scale = tf.math.div(limit, tf.math.maximum(norm, limit));
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      out.add(tf.math.mul(g, scale));
    }
    return out;
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.constant(axes);
  }

  private static long sizeWithoutBatch(Shape s) {
    long n = 1;
    for (int i = 1; i < s.numDimensions(); i++) {
      n *= s.size(i);
    }
    return n;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs one training update on a batch.
   *
   * @param x inputs, {@code n * inputSize()} values (more are ignored)
   * @param y targets, {@code n * outputWidth()} values
   * @param w per-example weights ({@code n} values) or null for all ones
   * @param n the batch size
   * @return the batch loss before the update (regularisation included)
   */
  public float trainStep(float[] x, float[] y, float[] w, int n) {
    return runScalar(trainStep, x, y, w, n);
  }

  /**
   * The training-mode loss of a batch without updating anything (dropout masks as the next step
   * would draw them, batch statistics for batch norm).
   *
   * @param x inputs
   * @param y targets
   * @param w weights or null
   * @param n batch size
   * @return the loss
   */
  public float loss(float[] x, float[] y, float[] w, int n) {
    return runScalar(trainLoss, x, y, w, n);
  }

  private float runScalar(Operand<TFloat32> fetch, float[] x, float[] y, float[] w, int n) {
    checkBatch(x, y, w, n);
    try (TFloat32 xt = FloatTensors.of(x, spec.input().withBatch(n));
        TFloat32 yt = FloatTensors.of(y, n, outputWidth);
        TFloat32 wt = w == null ? null : FloatTensors.of(w, n)) {
      Session.Runner r = session.runner().feed(input, xt).feed(targets, yt);
      if (wt != null) {
        r.feed(exampleWeights, wt);
      }
      try (Result res = r.fetch(fetch).run()) {
        return ((TFloat32) res.get(0)).getFloat();
      }
    }
  }

  /**
   * The gradients of the training loss with respect to every trained parameter, without updating.
   *
   * @param x inputs
   * @param y targets
   * @param w weights or null
   * @param n batch size
   * @return parameter name to gradient values (row-major, the parameter's shape)
   */
  public Map<String, float[]> gradients(float[] x, float[] y, float[] w, int n) {
    checkBatch(x, y, w, n);
    Map<String, float[]> out = new LinkedHashMap<>();
    try (TFloat32 xt = FloatTensors.of(x, spec.input().withBatch(n));
        TFloat32 yt = FloatTensors.of(y, n, outputWidth);
        TFloat32 wt = w == null ? null : FloatTensors.of(w, n)) {
      Session.Runner r = session.runner().feed(input, xt).feed(targets, yt);
      if (wt != null) {
        r.feed(exampleWeights, wt);
      }
      gradients.forEach(r::fetch);
      try (Result res = r.run()) {
        for (int i = 0; i < trained.size(); i++) {
          out.put(trained.get(i).name(), FloatTensors.toArray((TFloat32) res.get(i)));
        }
      }
    }
    return out;
  }

  /**
   * Inference-mode outputs: probabilities for classification, values for regression.
   *
   * @param x inputs, {@code n * inputSize()} values
   * @param n the batch size
   * @return {@code n * outputWidth()} values
   */
  public float[] predict(float[] x, int n) {
    return runInference(outputs, x, n);
  }

  /**
   * Inference-mode raw outputs (logits).
   *
   * @param x inputs
   * @param n the batch size
   * @return {@code n * outputWidth()} values
   */
  public float[] logits(float[] x, int n) {
    return runInference(logits, x, n);
  }

  /**
   * Inference-mode features (the features layer's output, flattened per example).
   *
   * @param x inputs
   * @param n the batch size
   * @return {@code n * featureWidth()} values
   */
  public float[] features(float[] x, int n) {
    return runInference(features, x, n);
  }

  /**
   * Inference-mode outputs and per-example (weighted) losses of a labelled batch.
   *
   * @param x inputs
   * @param y targets
   * @param w weights or null
   * @param n batch size
   * @return {outputs ({@code n * outputWidth()}), losses ({@code n})}
   */
  public float[][] evaluate(float[] x, float[] y, float[] w, int n) {
    checkBatch(x, y, w, n);
    try (TFloat32 xt = FloatTensors.of(x, spec.input().withBatch(n));
        TFloat32 yt = FloatTensors.of(y, n, outputWidth);
        TFloat32 wt = w == null ? null : FloatTensors.of(w, n)) {
      Session.Runner r = session.runner().feed(input, xt).feed(targets, yt);
      if (wt != null) {
        r.feed(exampleWeights, wt);
      }
      try (Result res = r.fetch(outputs).fetch(evalLoss).run()) {
        return new float[][] {
          FloatTensors.toArray((TFloat32) res.get(0)), FloatTensors.toArray((TFloat32) res.get(1))
        };
      }
    }
  }

  private float[] runInference(Operand<TFloat32> fetch, float[] x, int n) {
    requireInput(x, n);
    try (TFloat32 xt = FloatTensors.of(x, spec.input().withBatch(n));
        Result res = session.runner().feed(input, xt).fetch(fetch).run()) {
      return FloatTensors.toArray((TFloat32) res.get(0));
    }
  }

  private void requireInput(float[] x, int n) {
    if (n <= 0 || x == null || x.length < (long) n * inputSize) {
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "input 'input' needs "
              + n
              + " x "
              + spec.input().shape()
              + " = "
              + (long) n * inputSize
              + " values but got "
              + (x == null ? "null" : x.length)
              + "; pass a positive batch size and a row-major array of that many values.");
    }
  }

  private void checkBatch(float[] x, float[] y, float[] w, int n) {
    requireInput(x, n);
    if (y == null || y.length < (long) n * outputWidth) {
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "input 'targets' needs "
              + n
              + " x "
              + outputWidth
              + " values but got "
              + (y == null ? "null" : y.length)
              + "; pass one-hot (or value) rows of width "
              + outputWidth
              + ".");
    }
    if (w != null && w.length < n) {
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "input 'example_weights' needs " + n + " values but got " + w.length + ".");
    }
  }

  // ---------------------------------------------------------------- state

  /**
   * Every variable's value (weights, moving statistics, optimizer slots, step counter).
   *
   * @return variable name to values, in a stable order
   */
  public Map<String, float[]> readState() {
    return read(state.keySet());
  }

  /**
   * The model weights only (no optimizer state or step).
   *
   * @return variable name to values
   */
  public Map<String, float[]> readWeights() {
    List<String> names = new ArrayList<>();
    state.values().stream().filter(p -> p.role().isModelWeight()).forEach(p -> names.add(p.name()));
    return read(names);
  }

  private Map<String, float[]> read(java.util.Collection<String> names) {
    Map<String, float[]> out = new LinkedHashMap<>();
    Session.Runner r = session.runner();
    List<String> order = new ArrayList<>(names);
    order.forEach(n -> r.fetch(state.get(n).variable()));
    try (Result res = r.run()) {
      for (int i = 0; i < order.size(); i++) {
        out.put(order.get(i), FloatTensors.toArray((TFloat32) res.get(i)));
      }
    }
    return out;
  }

  /**
   * Assigns variables. Every name must exist and every array must have the variable's size.
   *
   * @param values variable name to values (a subset of {@link #readState()}'s keys)
   * @throws GraftException TENSOR_MISMATCH naming the variable if a name is unknown or a size
   *     differs
   */
  public void writeState(Map<String, float[]> values) {
    Session.Runner r = session.runner();
    List<Tensor> open = new ArrayList<>();
    try {
      for (Map.Entry<String, float[]> e : values.entrySet()) {
        Parameter p = state.get(e.getKey());
        if (p == null) {
          throw new GraftException(
              GraftErrors.TENSOR_MISMATCH,
              "variable '"
                  + e.getKey()
                  + "' does not exist in network '"
                  + spec.name()
                  + "'; known variables: "
                  + state.keySet()
                  + ".");
        }
        if (e.getValue().length != p.size()) {
          throw new GraftException(
              GraftErrors.TENSOR_MISMATCH,
              "variable '"
                  + p.name()
                  + "' has shape "
                  + Arrays.toString(p.shape())
                  + " ("
                  + p.size()
                  + " values) but "
                  + e.getValue().length
                  + " values were given; the weights come from a different network.");
        }
        TFloat32 t = FloatTensors.of(e.getValue(), p.shape());
        open.add(t);
        r.feed(stateFeeds.get(p.name()), t).addTarget(stateAssigns.get(p.name()));
      }
      if (!open.isEmpty()) {
        r.run().close();
      }
    } finally {
      open.forEach(Tensor::close);
    }
  }

  /**
   * Loads model weights of the layers that {@code layers} accepts, e.g. a backbone for head
   * replacement. Weights of other layers, and names this network lacks, are skipped.
   *
   * @param weights variable name to values (e.g. another model's {@link #readWeights()})
   * @param layers which layers to load
   * @return the names of the variables loaded
   * @throws GraftException TENSOR_MISMATCH if an accepted layer's variable has another size
   */
  public List<String> loadWeights(Map<String, float[]> weights, Predicate<String> layers) {
    Map<String, float[]> chosen = new LinkedHashMap<>();
    for (Parameter p : state.values()) {
      if (p.role().isModelWeight() && layers.test(p.layer()) && weights.containsKey(p.name())) {
        chosen.put(p.name(), weights.get(p.name()));
      }
    }
    writeState(chosen);
    return List.copyOf(chosen.keySet());
  }

  /**
   * The number of updates applied so far.
   *
   * @return the global step
   */
  public long globalStep() {
    return (long) read(List.of("global_step")).get("global_step")[0];
  }

  /**
   * The learning rate the next update will use (before per-layer multipliers).
   *
   * @return the rate
   */
  public double learningRate() {
    try (Result res = session.runner().fetch(learningRate).run()) {
      return ((TFloat32) res.get(0)).getFloat();
    }
  }

  // ---------------------------------------------------------------- export support

  /**
   * The {@code serving_default} signature: input {@code input}, outputs {@code outputs}
   * (probabilities or values) and {@code logits}.
   *
   * @return the signature
   */
  public Signature servingSignature() {
    return Signature.builder()
        .key(Signature.DEFAULT_KEY)
        .input("input", input)
        .output("outputs", outputs)
        .output("logits", logits)
        .build();
  }

  /**
   * The {@code features} signature: input {@code input}, output {@code features}.
   *
   * @return the signature
   */
  public Signature featuresSignature() {
    return Signature.builder()
        .key("features")
        .input("input", input)
        .output("features", features)
        .build();
  }

  /**
   * The {@code train_step} signature: inputs {@code input} and {@code targets}; output {@code
   * loss}; running it applies one update (every example weighs 1).
   *
   * @return the signature
   */
  public Signature trainStepSignature() {
    return Signature.builder()
        .key("train_step")
        .input("input", input)
        .input("targets", targets)
        .output("loss", trainStep)
        .build();
  }

  /**
   * The {@code train_step_weighted} signature: like {@link #trainStepSignature()} with a third
   * input, {@code example_weights} [batch].
   *
   * @return the signature
   */
  public Signature weightedTrainStepSignature() {
    return Signature.builder()
        .key("train_step_weighted")
        .input("input", input)
        .input("targets", targets)
        .input("example_weights", exampleWeights)
        .output("loss", trainStep)
        .build();
  }

  /**
   * The op names of the graph's entry points.
   *
   * @return the endpoints
   */
  public Endpoints endpoints() {
    return new Endpoints(
        input.op().name(),
        targets.op().name(),
        exampleWeights.op().name(),
        outputs.op().name(),
        logits.op().name(),
        features.op().name(),
        evalLoss.op().name(),
        trainStep.op().name(),
        step.op().name(),
        learningRate.op().name());
  }

  // ---------------------------------------------------------------- accessors

  /**
   * Every variable, in a stable order.
   *
   * @return the variables
   */
  public List<Parameter> variables() {
    return List.copyOf(state.values());
  }

  /**
   * The parameters gradients update.
   *
   * @return the trained parameters
   */
  public List<Parameter> trainedParameters() {
    return List.copyOf(trained);
  }

  /**
   * The layers that train.
   *
   * @return layer names
   */
  public Set<String> trainableLayers() {
    return Set.copyOf(trainableLayers);
  }

  /**
   * The network spec.
   *
   * @return the spec
   */
  public NetworkSpec network() {
    return spec;
  }

  /**
   * The loss spec.
   *
   * @return the loss
   */
  public LossSpec loss() {
    return lossSpec;
  }

  /**
   * The optimizer spec.
   *
   * @return the optimizer
   */
  public OptimizerSpec optimizer() {
    return optimizerSpec;
  }

  /**
   * The fine-tuning spec.
   *
   * @return the spec
   */
  public FineTuning fineTuning() {
    return fineTuning;
  }

  /**
   * The seed of parameter initialisation and dropout.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The device the model runs on, e.g. {@code cpu} or {@code gpu:0}, for provenance.
   *
   * @return the device label
   */
  public String deviceLabel() {
    return deviceLabel;
  }

  /**
   * Values per input example.
   *
   * @return the input size
   */
  public int inputSize() {
    return inputSize;
  }

  /**
   * Output (and target) width.
   *
   * @return the number of outputs
   */
  public int outputWidth() {
    return outputWidth;
  }

  /**
   * Values per example of the features output.
   *
   * @return the feature width
   */
  public int featureWidth() {
    return featureWidth;
  }

  /**
   * The graph (owned by this model; do not close it).
   *
   * @return the graph
   */
  public Graph graph() {
    return graph;
  }

  /**
   * The session (owned by this model; do not close it).
   *
   * @return the session
   */
  public Session session() {
    return session;
  }

  /** Closes the session and the graph. */
  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /**
   * Builds a {@link GraphModel}: {@code set...} for required settings, {@code opt...} for optional.
   */
  public static final class Builder {
    private NetworkSpec network;
    private LossSpec loss;
    private OptimizerSpec optimizer = OptimizerSpec.adam(1e-3);
    private FineTuning fineTuning = FineTuning.all();
    private long seed;
    private ConfigProto sessionConfig;
    private String deviceLabel = "cpu";
    private Integer gpuIndex;

    private Builder() {}

    /**
     * Places the model on a device with its thread settings (default: CPU with TensorFlow's
     * threads). Resolving a GPU starts the TensorFlow runtime to list the devices.
     *
     * @param device the device config
     * @return this builder
     * @throws dev.graft.api.error.GraftException DEVICE_UNAVAILABLE if the GPU is not visible
     */
    public Builder optDevice(dev.graft.api.config.DeviceConfig device) {
      dev.graft.tensorflow.runtime.DevicePlacement placement =
          device.kind() == dev.graft.api.config.DeviceConfig.Kind.CPU
              ? dev.graft.tensorflow.runtime.DevicePlacement.resolve(device, List.of())
              : dev.graft.tensorflow.runtime.DevicePlacement.resolve(device);
      this.sessionConfig = placement.sessionConfig();
      this.deviceLabel = placement.label();
      this.gpuIndex =
          device.kind() == dev.graft.api.config.DeviceConfig.Kind.GPU ? device.gpuIndex() : null;
      return this;
    }

    /**
     * Sets the network (required).
     *
     * @param spec the network
     * @return this builder
     */
    public Builder setNetwork(NetworkSpec spec) {
      this.network = spec;
      return this;
    }

    /**
     * Sets the loss (required).
     *
     * @param spec the loss
     * @return this builder
     */
    public Builder setLoss(LossSpec spec) {
      this.loss = spec;
      return this;
    }

    /**
     * Sets the optimizer (default Adam, learning rate 1e-3).
     *
     * @param spec the optimizer
     * @return this builder
     */
    public Builder optOptimizer(OptimizerSpec spec) {
      this.optimizer = Objects.requireNonNull(spec, "optimizer");
      return this;
    }

    /**
     * Sets which layers train and their rate multipliers (default: all, 1).
     *
     * @param spec the fine-tuning spec
     * @return this builder
     */
    public Builder optFineTuning(FineTuning spec) {
      this.fineTuning = Objects.requireNonNull(spec, "fineTuning");
      return this;
    }

    /**
     * Sets the seed of parameter initialisation and dropout (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets TensorFlow's thread pools (0 = TensorFlow's default).
     *
     * @param intraOp threads inside one op
     * @param interOp ops run in parallel
     * @return this builder
     */
    public Builder optThreads(int intraOp, int interOp) {
      ConfigException.require(intraOp >= 0, "intraOpThreads", intraOp, "0 or more");
      ConfigException.require(interOp >= 0, "interOpThreads", interOp, "0 or more");
      ConfigProto.Builder c =
          sessionConfig == null ? ConfigProto.newBuilder() : sessionConfig.toBuilder();
      this.sessionConfig =
          c.setIntraOpParallelismThreads(intraOp).setInterOpParallelismThreads(interOp).build();
      return this;
    }

    /**
     * Sets the whole session configuration (replaces {@code optThreads}).
     *
     * @param config the TensorFlow session config
     * @return this builder
     */
    public Builder optSessionConfig(ConfigProto config) {
      this.sessionConfig = config;
      return this;
    }

    /**
     * Builds the graph, opens the session and assigns the initial values.
     *
     * @return the model (close it)
     * @throws ConfigException if the specs do not fit together
     */
    public GraphModel build() {
      ConfigException.require(network != null, "network", null, "a NetworkSpec (setNetwork)");
      ConfigException.require(loss != null, "loss", null, "a LossSpec (setLoss)");
      return new GraphModel(this);
    }
  }
}
