package dev.graft.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a model Graft exported (a run's {@code model/} folder, a model-store entry, or an exported
 * multi-source ensemble): encodes examples with the input encoder the model's manifest names and
 * returns class probabilities.
 *
 * <p>Thread-safe: any number of threads may call {@link #predict} on one predictor; TensorFlow
 * calls are serialised inside, so results are identical to sequential calls. Owns the loaded
 * model's native resources: close it (or the {@link dev.graft.engine.Graft} runtime that loaded
 * it).
 */
public final class ModelPredictor implements AutoCloseable {

  private static final String ENSEMBLE_MANIFEST = "graft-ensemble.json";

  private final Path directory;
  private final List<String> labels;
  private final Source single;
  private final List<ModelPredictor> members;
  private final double[] weights;
  private final Object firstCall = new Object();
  private volatile boolean warmed;

  private ModelPredictor(
      Path directory,
      List<String> labels,
      Source single,
      List<ModelPredictor> members,
      double[] weights) {
    this.directory = directory;
    this.labels = List.copyOf(labels);
    this.single = single;
    this.members = List.copyOf(members);
    this.weights = weights;
  }

  /**
   * Loads an exported model.
   *
   * @param directory the model folder ({@code graft-model.json} or {@code graft-ensemble.json})
   * @param loader the model-store loader (it finds the input encoder for the model's input kind)
   * @return the predictor
   * @throws GraftException GRAFT-MODEL-001 if the folder holds no Graft model
   */
  public static ModelPredictor load(Path directory, ModelStoreLoader loader) {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.exists(dir.resolve(ENSEMBLE_MANIFEST))) {
      return loadEnsemble(dir, loader);
    }
    if (!ModelManifest.existsIn(dir)) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          dir
              + " holds no "
              + ModelManifest.FILE_NAME
              + " (nor "
              + ENSEMBLE_MANIFEST
              + "); give the model/ folder of a run or a model-store entry.");
    }
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.ANY, Optional.of(dir.toString()), Map.of()));
    Source source = loader.open(found.get(0));
    return new ModelPredictor(
        dir, ModelManifest.readFrom(dir).labels(), source, List.of(), new double[0]);
  }

  private static ModelPredictor loadEnsemble(Path dir, ModelStoreLoader loader) {
    JsonNode manifest;
    try {
      manifest = new ObjectMapper().readTree(dir.resolve(ENSEMBLE_MANIFEST).toFile());
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID, "cannot read " + dir.resolve(ENSEMBLE_MANIFEST) + ": " + e, e);
    }
    List<ModelPredictor> members = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    try {
      for (JsonNode m : manifest.path("members")) {
        members.add(load(dir.resolve(m.path("folder").asText()), loader));
        weights.add(m.path("weight").asDouble());
      }
    } catch (RuntimeException e) {
      members.forEach(ModelPredictor::close);
      throw e;
    }
    if (members.isEmpty()) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID, dir.resolve(ENSEMBLE_MANIFEST) + " lists no members.");
    }
    return new ModelPredictor(
        dir,
        members.get(0).labels(),
        null,
        members,
        weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The class names, in output order.
   *
   * @return the labels
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * The model folder.
   *
   * @return the folder
   */
  public Path directory() {
    return directory;
  }

  /**
   * Class probabilities for examples of the model's modality (e.g. images read by a vision reader).
   *
   * @param data the examples; their targets, if any, are ignored
   * @return one probability row per example
   */
  public Predictions predict(Dataset<?> data) {
    if (!warmed) {
      synchronized (firstCall) {
        Predictions p = compute(data);
        warmed = true;
        return p;
      }
    }
    return compute(data);
  }

  /**
   * The most probable class of each example.
   *
   * @param data the examples
   * @return class indices into {@link #labels()}
   */
  public int[] predictClasses(Dataset<?> data) {
    return predict(data).probabilities().orElseThrow().argmax().values();
  }

  private Predictions compute(Dataset<?> data) {
    if (single != null) {
      return Predictions.ofProbabilities(
          single
              .probabilities(data)
              .orElseThrow(
                  () ->
                      new GraftException(
                          GraftErrors.REQUIREMENT_NOT_MET,
                          "model "
                              + directory
                              + " is not a classifier: it has no class probabilities.")));
    }
    double[] combined = null;
    int rows = 0;
    int cols = 0;
    for (int m = 0; m < members.size(); m++) {
      ProbabilityMatrix p = members.get(m).predict(data).probabilities().orElseThrow();
      rows = p.rows();
      cols = p.classes();
      if (combined == null) {
        combined = new double[rows * cols];
      }
      double[] v = p.values().data();
      for (int i = 0; i < v.length; i++) {
        combined[i] += weights[m] * v[i];
      }
    }
    return Predictions.ofProbabilities(
        new ProbabilityMatrix(FeatureMatrix.wrap(rows, cols, combined)));
  }

  /** Releases the model's native resources. Idempotent. */
  @Override
  public void close() {
    if (single != null) {
      single.close();
    }
    members.forEach(ModelPredictor::close);
  }
}
