package dev.graft.tensorflow.savedmodel;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.io.ElementType;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.runtime.DevicePlacement;
import dev.graft.tensorflow.runtime.TensorFlowRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one signature of a SavedModel (any SavedModel: exported by Graft or by Python TensorFlow) on
 * plain-Java tensors, through DJL's TensorFlow engine.
 *
 * <pre>{@code
 * try (SavedModelRunner runner =
 *     SavedModelRunner.builder(Path.of("half_plus_two")).signature("serving_default").open()) {
 *   Map<String, HostTensor> out =
 *       runner.run(Map.of("x", HostTensor.ofFloats(new float[] {1, 2, 5}, 3, 1)));
 *   float[] y = out.get("y").toFloatArray(); // 2.5, 3.0, 4.5
 * }
 * }</pre>
 *
 * <p>Opening checks, in order: the directory and {@code saved_model.pb} ({@code GRAFT-MODEL-001}),
 * the tag set ({@code GRAFT-MODEL-001}), the signature ({@code GRAFT-MODEL-003}), the file digests
 * in {@code graft-model.json} when the directory has one ({@code GRAFT-MODEL-001}), and the device
 * ({@code GRAFT-TF-003}). Each call checks the inputs against the signature ({@code
 * GRAFT-MODEL-002}) before TensorFlow sees them.
 *
 * <p>Ownership: the runner owns the DJL {@link Model} (and with it the TensorFlow session and its
 * {@code NDManager}) and the {@link Predictor}; {@link #close()} frees them. Arrays created for a
 * call live in the predictor's per-call manager and are freed when the call returns; results are
 * copied into {@link HostTensor}s first.
 *
 * <p>Thread safety: a runner may be shared between threads; calls are serialized (one runs at a
 * time, since a DJL predictor is not thread-safe). For parallel inference open one runner per
 * thread. Do not call {@link #close()} while another thread is inside {@link #run(Map)}.
 */
public final class SavedModelRunner implements AutoCloseable {

  private final Path directory;
  private final MetaGraphInfo metaGraph;
  private final SignatureInfo signature;
  private final DevicePlacement placement;
  private final Model model;
  private final Predictor<Map<String, HostTensor>, Map<String, HostTensor>> predictor;
  private final TfJavaSignature tfJava;
  private boolean closed;

  private SavedModelRunner(
      Path directory,
      MetaGraphInfo metaGraph,
      SignatureInfo signature,
      DevicePlacement placement,
      Model model,
      Predictor<Map<String, HostTensor>, Map<String, HostTensor>> predictor,
      TfJavaSignature tfJava) {
    this.directory = directory;
    this.metaGraph = metaGraph;
    this.signature = signature;
    this.placement = placement;
    this.model = model;
    this.predictor = predictor;
    this.tfJava = tfJava;
  }

  /**
   * Starts configuring a runner for a SavedModel directory.
   *
   * @param directory the folder holding {@code saved_model.pb}
   * @return a builder (signature {@code serving_default}, CPU, digests verified if present)
   */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** Configures and opens a {@link SavedModelRunner}. Not thread-safe. */
  public static final class Builder {
    private final Path directory;
    private String signatureKey = "serving_default";
    private Set<String> tags = Set.of();
    private DeviceConfig device = DeviceConfig.cpu();
    private boolean verifyDigests = true;

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Selects the signature to run (default {@code serving_default}).
     *
     * @param key the signature key
     * @return this builder
     */
    public Builder signature(String key) {
      this.signatureKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Selects the meta graph by its exact tags (default: the only one, or the one tagged {@code
     * serve}).
     *
     * @param newTags the tags
     * @return this builder
     */
    public Builder tags(Set<String> newTags) {
      this.tags = Set.copyOf(newTags);
      return this;
    }

    /**
     * Selects the device (default CPU).
     *
     * @param config the device config
     * @return this builder
     */
    public Builder device(DeviceConfig config) {
      this.device = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Whether to check {@code graft-model.json} digests when the model has that manifest (default
     * true). Models without a manifest are never checked.
     *
     * @param verify true to verify
     * @return this builder
     */
    public Builder verifyDigests(boolean verify) {
      this.verifyDigests = verify;
      return this;
    }

    /**
     * Checks the model and loads it.
     *
     * @return an open runner, to be closed by the caller
     * @throws GraftException see {@link SavedModelRunner} for the checks and their ids
     */
    public SavedModelRunner open() {
      Path dir = directory.toAbsolutePath().normalize();
      SavedModelInfo info = SavedModelInspector.inspect(dir);
      MetaGraphInfo graph = info.metaGraph(tags);
      SignatureInfo signature = graph.signature(signatureKey);
      if (verifyDigests && ModelManifest.existsIn(dir)) {
        ModelDigests.verify(dir, ModelManifest.readFrom(dir));
      }
      TensorFlowRuntime.start();
      DevicePlacement placement = DevicePlacement.resolve(device);
      if (TfJavaSignature.needed(dir, graph)) {
        try {
          return new SavedModelRunner(
              dir,
              graph,
              signature,
              placement,
              null,
              null,
              TfJavaSignature.open(dir, graph, signature, placement.sessionConfig()));
        } catch (RuntimeException e) {
          throw new GraftException(
              GraftErrors.MODEL_INVALID,
              "TensorFlow could not load SavedModel "
                  + dir
                  + " (tags "
                  + graph.tags()
                  + "): "
                  + e.getMessage()
                  + ". Check that the variables/ and assets/ folders are complete.",
              e);
        }
      }
      Map<String, Object> options = new HashMap<>(placement.djlModelOptions());
      options.put("Tags", String.join(",", graph.tags()));
      options.put("SignatureDefKey", signatureKey);
      Model model =
          Model.newInstance(
              dir.getFileName().toString(), placement.djlDevice(), TensorFlowRuntime.ENGINE_NAME);
      try {
        model.load(dir, null, options);
        return new SavedModelRunner(
            dir,
            graph,
            signature,
            placement,
            model,
            model.newPredictor(new HostTensorTranslator(signature)),
            null);
      } catch (IOException | MalformedModelException | RuntimeException e) {
        model.close();
        if (e instanceof GraftException graft) {
          throw graft;
        }
        throw new GraftException(
            GraftErrors.MODEL_INVALID,
            "TensorFlow could not load SavedModel "
                + dir
                + " (tags "
                + graph.tags()
                + ", signature '"
                + signatureKey
                + "'): "
                + e.getMessage()
                + ". Check that the variables/ folder is complete and the model uses only ops of"
                + " TensorFlow 2.16.",
            e);
      }
    }
  }

  /**
   * The signature this runner runs.
   *
   * @return its inputs and outputs
   */
  public SignatureInfo signature() {
    return signature;
  }

  /**
   * The meta graph the signature belongs to.
   *
   * @return the meta graph
   */
  public MetaGraphInfo metaGraph() {
    return metaGraph;
  }

  /**
   * The SavedModel directory.
   *
   * @return the absolute directory
   */
  public Path directory() {
    return directory;
  }

  /**
   * The device label the model runs on, e.g. {@code cpu}.
   *
   * @return the label
   */
  public String deviceLabel() {
    return placement.label();
  }

  /**
   * Runs the signature once on the given inputs.
   *
   * @param inputs one tensor per signature input, by key
   * @return one tensor per signature output, by key, in signature order
   * @throws GraftException {@code GRAFT-MODEL-002} if an input is missing, unknown, or has the
   *     wrong dtype or shape, or if TensorFlow rejects the values
   * @throws IllegalStateException if the runner is closed
   */
  public synchronized Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
    if (closed) {
      throw new IllegalStateException("runner for " + directory + " is closed");
    }
    checkInputs(inputs);
    try {
      return tfJava != null ? tfJava.run(inputs) : predictor.predict(inputs);
    } catch (TranslateException | RuntimeException e) {
      if (e instanceof GraftException graft) {
        throw graft;
      }
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "TensorFlow rejected the inputs "
              + describe(inputs)
              + " of signature '"
              + signature.key()
              + "' in "
              + directory
              + ": "
              + rootMessage(e),
          e);
    }
  }

  /**
   * Runs the signature in batches along the first dimension and concatenates the outputs; use it to
   * bound memory on large inputs. Every input must have the same number of rows, and every output
   * must have a first dimension equal to the batch size.
   *
   * @param inputs one tensor per signature input, by key
   * @param batchSize the most rows per call, at least 1
   * @return the concatenated outputs, by key
   * @throws GraftException {@code GRAFT-MODEL-002} as for {@link #run(Map)}, or if the inputs
   *     disagree in row count
   */
  public Map<String, HostTensor> runBatched(Map<String, HostTensor> inputs, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    long rows = commonRowCount(inputs);
    if (rows <= batchSize) {
      return run(inputs);
    }
    Map<String, List<HostTensor>> parts = new LinkedHashMap<>();
    for (long start = 0; start < rows; start += batchSize) {
      long end = Math.min(rows, start + batchSize);
      Map<String, HostTensor> batch = new LinkedHashMap<>();
      for (Map.Entry<String, HostTensor> input : inputs.entrySet()) {
        batch.put(input.getKey(), input.getValue().sliceRows(start, end));
      }
      run(batch)
          .forEach((key, value) -> parts.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    }
    Map<String, HostTensor> outputs = new LinkedHashMap<>();
    parts.forEach((key, list) -> outputs.put(key, HostTensor.concat(list)));
    return outputs;
  }

  private long commonRowCount(Map<String, HostTensor> inputs) {
    long rows = -1;
    for (Map.Entry<String, HostTensor> input : inputs.entrySet()) {
      long[] shape = input.getValue().shape();
      if (shape.length == 0) {
        throw new GraftException(
            GraftErrors.TENSOR_MISMATCH,
            "input '"
                + input.getKey()
                + "' is a scalar; batched runs need a first (batch) dimension.");
      }
      if (rows >= 0 && shape[0] != rows) {
        throw new GraftException(
            GraftErrors.TENSOR_MISMATCH,
            "inputs disagree in row count: "
                + describe(inputs)
                + "; every input needs the same first dimension.");
      }
      rows = shape[0];
    }
    return rows;
  }

  private void checkInputs(Map<String, HostTensor> inputs) {
    Set<String> expected = new LinkedHashSet<>(signature.inputKeys());
    Set<String> unknown = new TreeSet<>(inputs.keySet());
    unknown.removeAll(expected);
    if (!unknown.isEmpty()) {
      throw new GraftException(
          GraftErrors.TENSOR_MISMATCH,
          "signature '"
              + signature.key()
              + "' has no input named "
              + unknown
              + "; its inputs are "
              + signature.inputs().stream().map(TensorSpec::describe).toList()
              + ".");
    }
    for (TensorSpec spec : signature.inputs()) {
      HostTensor given = inputs.get(spec.key());
      if (given == null) {
        throw new GraftException(
            GraftErrors.TENSOR_MISMATCH,
            "input '"
                + spec.key()
                + "' of signature '"
                + signature.key()
                + "' is missing; expected "
                + spec.describe()
                + ".");
      }
      ElementType wanted = spec.elementType();
      if (wanted == null) {
        throw new GraftException(
            GraftErrors.TENSOR_MISMATCH,
            "input '"
                + spec.key()
                + "' of signature '"
                + signature.key()
                + "' has dtype "
                + spec.dtype()
                + ", which Graft cannot feed (supported: float32, float64, int32, int64, uint8,"
                + " bool); choose another signature.");
      }
      if (wanted != given.type() || !spec.accepts(given.shape())) {
        throw new GraftException(
            GraftErrors.TENSOR_MISMATCH,
            "input '"
                + spec.key()
                + "' of signature '"
                + signature.key()
                + "' expects "
                + wanted.displayName()
                + " with shape "
                + (spec.unknownRank() ? "<any>" : spec.shape().toString().replace("-1", "?"))
                + " but was given "
                + given.describe()
                + ".");
      }
    }
  }

  private static String describe(Map<String, HostTensor> inputs) {
    List<String> parts = new ArrayList<>();
    inputs.forEach((key, value) -> parts.add(key + "=" + value.describe()));
    return parts.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }

  /** Frees the predictor and the model (its TensorFlow session and native memory). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (tfJava != null) {
      tfJava.close();
      return;
    }
    try {
      predictor.close();
    } finally {
      model.close();
    }
  }

  @Override
  public String toString() {
    return "SavedModelRunner["
        + directory
        + ", "
        + signature.key()
        + ", "
        + placement.label()
        + ", inputs "
        + Arrays.toString(signature.inputKeys().toArray())
        + "]";
  }
}
