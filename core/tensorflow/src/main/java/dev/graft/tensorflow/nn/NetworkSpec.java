package dev.graft.tensorflow.nn;

import dev.graft.api.error.ConfigException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declarative network: an input shape and named layers forming a directed acyclic graph (a
 * sequence by default; residual and concat layers name their inputs). The last layer produces the
 * raw outputs (logits for classification); the {@code featuresLayer} produces the embedding that
 * the {@code features} signature exports and head replacement keeps.
 *
 * <p>Serialisable to and from JSON with {@link #toJson()} and {@link #fromJson(String)}.
 *
 * @param name a name for provenance
 * @param input the per-example input shape
 * @param layers the layers in topological order
 * @param featuresLayer the layer whose output is the features (default: the input of the last
 *     layer)
 */
public record NetworkSpec(
    String name, InputSpec input, List<LayerSpec> layers, String featuresLayer) {

  /** Validates names, references and the features layer; applies defaults. */
  public NetworkSpec {
    name = name == null ? "network" : name;
    ConfigException.require(input != null, "input", null, "an input shape");
    ConfigException.require(
        layers != null && !layers.isEmpty(), "layers", layers, "a non-empty list of layers");
    layers = List.copyOf(layers);
    Set<String> seen = new LinkedHashSet<>();
    seen.add(LayerSpec.NETWORK_INPUT);
    for (LayerSpec layer : layers) {
      for (String in : layer.inputs()) {
        ConfigException.require(
            seen.contains(in),
            "layers[" + layer.name() + "].inputs",
            in,
            "'input' or the name of an earlier layer (known: " + seen + ")");
      }
      ConfigException.require(
          seen.add(layer.name()), "layers[].name", layer.name(), "unique within the network");
    }
    LayerSpec last = layers.get(layers.size() - 1);
    if (featuresLayer == null) {
      featuresLayer = defaultFeatures(layers, last);
    }
    ConfigException.require(
        !featuresLayer.equals(last.name()) && seen.contains(featuresLayer),
        "featuresLayer",
        featuresLayer,
        "the name of a layer before the output layer '" + last.name() + "' (or 'input')");
  }

  private static String defaultFeatures(List<LayerSpec> layers, LayerSpec last) {
    if (last.inputs().size() == 1) {
      return last.inputs().get(0);
    }
    return layers.size() >= 2 ? layers.get(layers.size() - 2).name() : LayerSpec.NETWORK_INPUT;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a spec from JSON.
   *
   * @param json the text written by {@link #toJson()}
   * @return the spec
   * @throws ConfigException if the JSON is invalid
   */
  public static NetworkSpec fromJson(String json) {
    return SpecJson.read(json, NetworkSpec.class);
  }

  /**
   * Writes this spec as JSON.
   *
   * @return indented JSON
   */
  public String toJson() {
    return SpecJson.write(this);
  }

  /**
   * The output (last) layer.
   *
   * @return the layer producing the raw outputs
   */
  public LayerSpec outputLayer() {
    return layers.get(layers.size() - 1);
  }

  /**
   * The input names of each layer, with "previous layer" resolved.
   *
   * @return layer name to the names it reads
   */
  public Map<String, List<String>> resolvedInputs() {
    Map<String, List<String>> out = new HashMap<>();
    String previous = LayerSpec.NETWORK_INPUT;
    for (LayerSpec layer : layers) {
      out.put(layer.name(), layer.inputs().isEmpty() ? List.of(previous) : layer.inputs());
      previous = layer.name();
    }
    return out;
  }

  /**
   * The backbone: the features layer and every layer it depends on, in network order.
   *
   * @return layer names (never containing "input")
   */
  public List<String> backboneLayers() {
    Map<String, List<String>> inputs = resolvedInputs();
    Set<String> needed = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(featuresLayer));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (!n.equals(LayerSpec.NETWORK_INPUT) && needed.add(n)) {
        todo.addAll(inputs.get(n));
      }
    }
    List<String> ordered = new ArrayList<>();
    for (LayerSpec l : layers) {
      if (needed.contains(l.name())) {
        ordered.add(l.name());
      }
    }
    return ordered;
  }

  /**
   * A new spec that keeps the backbone (up to and including the features layer) and replaces the
   * rest with {@code head}. The first head layer reads the features layer unless it names its
   * inputs.
   *
   * @param head the new head layers; the last one produces the outputs
   * @return the new spec, with the same features layer
   * @throws ConfigException if a head layer reuses a backbone layer name
   */
  public NetworkSpec withHead(List<LayerSpec> head) {
    List<String> backbone = backboneLayers();
    List<LayerSpec> kept = new ArrayList<>();
    for (LayerSpec l : layers) {
      if (backbone.contains(l.name())) {
        kept.add(l);
      }
    }
    if (!kept.isEmpty() && !kept.get(kept.size() - 1).name().equals(featuresLayer)) {
      throw new ConfigException(
          "'featuresLayer' is '"
              + featuresLayer
              + "' but it is not the last backbone layer;"
              + " head replacement needs the features layer to come after its dependencies.");
    }
    kept.addAll(head);
    return new NetworkSpec(name, input, kept, featuresLayer);
  }

  /**
   * A new spec with a single dense head of {@code outputs} units (linear: logits), named {@code
   * headName}.
   *
   * @param headName the name of the new layer, e.g. "head"
   * @param outputs the number of outputs
   * @return the new spec
   */
  public NetworkSpec withDenseHead(String headName, int outputs) {
    return withHead(List.of(new LayerSpec.Dense(headName, null, outputs, Activation.LINEAR, true)));
  }

  /** Builds a {@link NetworkSpec} layer by layer (each layer reads the previous by default). */
  public static final class Builder {
    private String name = "network";
    private InputSpec input;
    private final List<LayerSpec> layers = new ArrayList<>();
    private String features;

    private Builder() {}

    /**
     * Sets the network name (optional, default "network").
     *
     * @param name the name
     * @return this builder
     */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the per-example input shape (required).
     *
     * @param shape sizes without the batch axis
     * @return this builder
     */
    public Builder setInputShape(int... shape) {
      this.input = InputSpec.of(shape);
      return this;
    }

    /**
     * Names the features layer (optional; default: the input of the last layer).
     *
     * @param layer the layer name
     * @return this builder
     */
    public Builder optFeaturesLayer(String layer) {
      this.features = layer;
      return this;
    }

    /**
     * Appends a layer.
     *
     * @param layer the layer
     * @return this builder
     */
    public Builder add(LayerSpec layer) {
      layers.add(layer);
      return this;
    }

    /**
     * Appends a dense layer.
     *
     * @param name layer name
     * @param units output width
     * @param activation activation
     * @return this builder
     */
    public Builder dense(String name, int units, Activation activation) {
      return add(new LayerSpec.Dense(name, null, units, activation, true));
    }

    /**
     * Appends a 2-D convolution with stride 1 and same padding.
     *
     * @param name layer name
     * @param filters output channels
     * @param kernel square kernel size
     * @param activation activation
     * @return this builder
     */
    public Builder conv2d(String name, int filters, int kernel, Activation activation) {
      return add(
          new LayerSpec.Conv2d(
              name, null, filters, List.of(kernel, kernel), null, Padding.SAME, activation, true));
    }

    /**
     * Appends a square max pooling with stride = size and valid padding.
     *
     * @param name layer name
     * @param size pool size
     * @return this builder
     */
    public Builder maxPool(String name, int size) {
      return add(new LayerSpec.MaxPool2d(name, null, List.of(size, size), null, Padding.VALID));
    }

    /**
     * Appends a flatten layer.
     *
     * @param name layer name
     * @return this builder
     */
    public Builder flatten(String name) {
      return add(new LayerSpec.Flatten(name, null));
    }

    /**
     * Appends a dropout layer.
     *
     * @param name layer name
     * @param rate drop probability
     * @return this builder
     */
    public Builder dropout(String name, double rate) {
      return add(new LayerSpec.Dropout(name, null, rate));
    }

    /**
     * Builds and validates the spec.
     *
     * @return the spec
     * @throws ConfigException if the spec is invalid
     */
    public NetworkSpec build() {
      return new NetworkSpec(name, input, layers, features);
    }
  }
}
