package dev.graft.engine.strategy;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LayerSpec;
import dev.graft.tensorflow.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source network's own classifier, re-targeted to the target's classes: the backbone's weights
 * and, for the {@link SourceNetwork#HEAD head}, the source classifier's kernel columns and biases
 * of the source classes that have the target classes' names. A network initialised this way
 * predicts what the source model predicts, restricted to the target's classes — the {@code
 * source-only} baseline of unsupervised domain adaptation and the starting point of self-training
 * on the network.
 *
 * @param classifier the source's classifier layer
 * @param columns for each target class, its column in the source classifier
 */
record SourceClassifier(String classifier, int[] columns) {

  /**
   * Matches the target's classes to the source's labels by name.
   *
   * @param source the source network
   * @param sourceId the source's id, named in errors
   * @param targetClasses the target's class names in output order
   * @param strategyId named in errors
   * @return the mapping
   * @throws GraftException GRAFT-EXT-001 if the source has no single dense classifier after its
   *     features layer, or a target class is not among the source's labels
   */
  static SourceClassifier match(
      SourceNetwork source, String sourceId, List<String> targetClasses, String strategyId) {
    NetworkSpec spec = source.network().network();
    Set<String> backbone = Set.copyOf(spec.backboneLayers());
    List<LayerSpec.Dense> dense = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      if (backbone.contains(layer.name())) {
        continue;
      }
      if (layer instanceof LayerSpec.Dense d) {
        dense.add(d);
      } else if (!(layer instanceof LayerSpec.Dropout
          || layer instanceof LayerSpec.ActivationLayer)) {
        others.add(layer.name());
      }
    }
    if (dense.size() != 1 || !others.isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "strategy '"
              + strategyId
              + "' predicts with the source's own classifier, which must be one dense layer after"
              + " the features layer '"
              + spec.featuresLayer()
              + "'; source "
              + sourceId
              + " has "
              + dense.size()
              + " dense layer(s)"
              + (others.isEmpty() ? "" : " and " + others)
              + " there. Use a strategy that trains a new head (fine-tune, coral).");
    }
    List<String> labels = source.network().labels();
    int[] columns = new int[targetClasses.size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      columns[c] = labels.indexOf(targetClasses.get(c));
      if (columns[c] < 0) {
        missing.add(targetClasses.get(c));
      }
    }
    if (!missing.isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "strategy '"
              + strategyId
              + "' needs every target class among the labels of source "
              + sourceId
              + ", but "
              + missing
              + " are not; it knows "
              + preview(labels)
              + ". Use a source trained on the same classes, or a strategy that trains a new head"
              + " on labelled target examples.");
    }
    return new SourceClassifier(dense.get(0).name(), columns);
  }

  /**
   * Loads the backbone and the re-targeted classifier into a network of the source's architecture
   * with a {@link SourceNetwork#HEAD head} as wide as the target's classes.
   *
   * @param source the source network
   * @param network the network to initialise
   */
  void load(SourceNetwork source, GraphModel network) {
    Map<String, float[]> weights = source.network().weights();
    float[] kernel = weights.get(classifier + "/kernel");
    int sourceClasses = source.network().labels().size();
    if (kernel == null || kernel.length % sourceClasses != 0) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the source model's classifier '"
              + classifier
              + "' has no kernel of "
              + sourceClasses
              + " columns (one per label); re-export the source model.");
    }
    int in = kernel.length / sourceClasses;
    float[] bias = weights.get(classifier + "/bias");
    float[] headKernel = new float[in * columns.length];
    float[] headBias = new float[columns.length];
    for (int c = 0; c < columns.length; c++) {
      for (int i = 0; i < in; i++) {
        headKernel[i * columns.length + c] = kernel[i * sourceClasses + columns[c]];
      }
      headBias[c] = bias == null ? 0f : bias[columns[c]];
    }
    Map<String, float[]> init = new HashMap<>(weights);
    init.put(SourceNetwork.HEAD + "/kernel", headKernel);
    init.put(SourceNetwork.HEAD + "/bias", headBias);
    source.network().transferBackbone(network);
    network.loadWeights(init, layer -> layer.equals(SourceNetwork.HEAD));
  }

  /** A note for the run's report. */
  String describe(SourceNetwork source) {
    return "source classifier '"
        + classifier
        + "' kept for "
        + columns.length
        + " of its "
        + source.network().labels().size()
        + " classes";
  }

  private static String preview(List<String> labels) {
    return labels.size() <= 20
        ? labels.toString()
        : labels.subList(0, 20) + " and " + (labels.size() - 20) + " more";
  }
}
