package dev.graft.tensorflow.nn;

import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelExporter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exports a {@link GraphModel} as a SavedModel with the signatures {@code serving_default}
 * (outputs, logits), {@code features} (the features layer), {@code train_step} (input, targets) and
 * {@code train_step_weighted} (plus example_weights), plus {@code graft-model.json} carrying the
 * network, loss, input spec, labels and provenance, through {@link SavedModelExporter} (atomic:
 * written aside, verified, then moved into place).
 *
 * <pre>{@code
 * ModelManifest manifest = NetworkExport.of(model).labels(List.of("cat", "dog"))
 *     .inputSpec(Map.of("kind", "image")).provenance(Map.of("dataset", "pets-v2"))
 *     .exportTo(Path.of("models/pets"));
 * }</pre>
 */
public final class NetworkExport {

  /** The manifest provenance key holding the {@link NetworkSpec}. */
  public static final String NETWORK_KEY = "network";

  /** The manifest provenance key holding the {@link LossSpec}. */
  public static final String LOSS_KEY = "loss";

  private final GraphModel model;
  private List<String> labels = List.of();
  private final Map<String, Object> provenance = new LinkedHashMap<>();
  private final Map<String, Object> extraInputSpec = new LinkedHashMap<>();

  private NetworkExport(GraphModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * Starts an export.
   *
   * @param model the trained model (not closed by the export)
   * @return the export builder
   */
  public static NetworkExport of(GraphModel model) {
    return new NetworkExport(model);
  }

  /**
   * Sets the class labels in output order (optional).
   *
   * @param names the labels; their number must equal the model's outputs
   * @return this builder
   */
  public NetworkExport labels(List<String> names) {
    if (!names.isEmpty() && names.size() != model.outputWidth()) {
      throw new dev.graft.api.error.ConfigException(
          "'labels' has "
              + names.size()
              + " entries but network '"
              + model.network().name()
              + "' has "
              + model.outputWidth()
              + " outputs; give one label per output.");
    }
    this.labels = List.copyOf(names);
    return this;
  }

  /**
   * Adds entries to the manifest's input spec (optional), e.g. the input {@code kind}, the {@code
   * modality} or the preprocessing a modality encoder follows. They are written after the entries
   * the network defines ({@code name}, {@code shape}, {@code dtype}, {@code outputs}, {@code
   * features}), which take precedence over entries of the same name. Values must be serialisable by
   * Jackson.
   *
   * @param extra the entries
   * @return this builder
   */
  public NetworkExport inputSpec(Map<String, ?> extra) {
    extraInputSpec.putAll(extra);
    return this;
  }

  /**
   * Adds provenance entries (optional): data digests, metrics, job ids. Values must be serialisable
   * by Jackson.
   *
   * @param entries the entries
   * @return this builder
   */
  public NetworkExport provenance(Map<String, ?> entries) {
    provenance.putAll(entries);
    return this;
  }

  /**
   * Writes the SavedModel and its manifest.
   *
   * @param target the SavedModel directory (replaced atomically if it exists)
   * @return the manifest written
   */
  public ModelManifest exportTo(Path target) {
    Map<String, Object> prov = new LinkedHashMap<>(provenance);
    prov.put(NETWORK_KEY, SpecJson.mapper().valueToTree(model.network()));
    prov.put(LOSS_KEY, SpecJson.mapper().valueToTree(model.loss()));
    prov.put("optimizer", SpecJson.mapper().valueToTree(model.optimizer()));
    prov.put("fineTuning", SpecJson.mapper().valueToTree(model.fineTuning()));
    prov.put("seed", model.seed());
    prov.put("globalStep", model.globalStep());
    prov.put("device", model.deviceLabel());
    prov.put("tensorflow", org.tensorflow.TensorFlow.version());
    Map<String, Object> input = new LinkedHashMap<>();
    List<Long> shape = new java.util.ArrayList<>();
    for (long d : model.network().input().withBatch(-1)) {
      shape.add(d);
    }
    input.put("name", "input");
    input.put("shape", shape);
    input.put("dtype", "float32");
    input.put("outputs", model.outputWidth());
    input.put("features", model.featureWidth());
    extraInputSpec.forEach(input::putIfAbsent);
    return SavedModelExporter.of(model.session())
        .signature(model.servingSignature())
        .signature(model.featuresSignature())
        .signature(model.trainStepSignature())
        .signature(model.weightedTrainStepSignature())
        .inputSpec(input)
        .labels(labels)
        .provenance(prov)
        .exportTo(target);
  }
}
