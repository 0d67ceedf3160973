package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.savedmodel.ModelDigests;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A Graft model read back from a SavedModel written by {@link NetworkExport}: its network and loss
 * specs, labels and weights. Use it to continue training, or for head replacement: keep the
 * backbone up to the features layer and attach a new head.
 *
 * <pre>{@code
 * TrainedNetwork source = TrainedNetwork.load(Path.of("models/fashion"));
 * NetworkSpec target = source.network().withDenseHead("head", 5);
 * try (GraphModel model = GraphModel.builder().setNetwork(target).setLoss(source.loss())
 *     .optFineTuning(FineTuning.onlyHead()).build()) {
 *   source.transferBackbone(model);
 *   // train, then NetworkExport.of(model).exportTo(...)
 * }
 * }</pre>
 *
 * @param network the network spec
 * @param loss the loss spec
 * @param labels class labels (empty if none)
 * @param weights model weights by variable name (kernels, biases, normalisation, statistics)
 * @param manifest the manifest read from {@code graft-model.json}
 */
public record TrainedNetwork(
    NetworkSpec network,
    LossSpec loss,
    List<String> labels,
    Map<String, float[]> weights,
    ModelManifest manifest) {

  /**
   * Reads a Graft SavedModel, verifying the file digests of its manifest.
   *
   * @param directory the SavedModel directory
   * @return the network and its weights
   * @throws GraftException MODEL_INVALID if the directory is not a Graft model (no manifest, no
   *     network spec) or a digest or variable is missing
   */
  public static TrainedNetwork load(Path directory) {
    ModelManifest manifest = ModelManifest.readFrom(directory);
    ModelDigests.verify(directory, manifest);
    Object net = manifest.provenance().get(NetworkExport.NETWORK_KEY);
    Object loss = manifest.provenance().get(NetworkExport.LOSS_KEY);
    if (net == null || loss == null) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the SavedModel "
              + directory
              + " has no Graft network spec in "
              + ModelManifest.FILE_NAME
              + " (it was not exported by NetworkExport); load it as a"
              + " frozen feature extractor instead.");
    }
    NetworkSpec spec;
    LossSpec lossSpec;
    try {
      JsonNode netJson = SpecJson.mapper().valueToTree(net);
      spec = SpecJson.mapper().treeToValue(netJson, NetworkSpec.class);
      lossSpec = SpecJson.mapper().treeToValue(SpecJson.mapper().valueToTree(loss), LossSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the network spec in "
              + directory.resolve(ModelManifest.FILE_NAME)
              + " is invalid: "
              + e.getMessage()
              + "; export the model again.",
          e);
    }
    Map<String, float[]> weights = readWeights(directory, spec, lossSpec);
    return new TrainedNetwork(spec, lossSpec, manifest.labels(), weights, manifest);
  }

  private static Map<String, float[]> readWeights(Path directory, NetworkSpec spec, LossSpec loss) {
    // the variable names come from building the same network (no session needed)
    List<String> names = new ArrayList<>();
    try (GraphModel shape = GraphModel.builder().setNetwork(spec).setLoss(loss).build()) {
      shape.variables().stream()
          .filter(p -> p.role().isModelWeight())
          .forEach(p -> names.add(p.name()));
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(directory.toString(), "serve")) {
      Session s = bundle.session();
      for (String name : names) {
        if (bundle.graph().operation(name) == null) {
          throw new GraftException(
              GraftErrors.MODEL_INVALID,
              "variable '"
                  + name
                  + "' of network '"
                  + spec.name()
                  + "' is missing from "
                  + directory
                  + "; export the model again.");
        }
        try (Result r = s.runner().fetch(name).run()) {
          out.put(name, FloatTensors.toArray((TFloat32) r.get(0)));
        }
      }
    }
    return out;
  }

  /**
   * Loads every weight into a model built from the same network spec.
   *
   * @param model the model
   * @return the names loaded
   */
  public List<String> restore(GraphModel model) {
    return model.loadWeights(weights, layer -> true);
  }

  /**
   * Loads the backbone weights (layers up to and including the features layer) into a model,
   * typically one with a replaced head.
   *
   * @param model the model
   * @return the names loaded
   */
  public List<String> transferBackbone(GraphModel model) {
    Set<String> backbone = Set.copyOf(network.backboneLayers());
    return model.loadWeights(weights, backbone::contains);
  }
}
