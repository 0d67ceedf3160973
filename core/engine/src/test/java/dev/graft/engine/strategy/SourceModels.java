package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.provenance.Provenance;
import dev.graft.tensorflow.nn.Activation;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.NetworkSpec;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small source model trained on the circle source task and exported as a Graft model. */
public final class SourceModels {

  private SourceModels() {}

  /** The source network: 12 inputs, hidden 32 (relu), features 16 (tanh), 8 cluster classes. */
  public static NetworkSpec circleNetwork() {
    return NetworkSpec.builder()
        .optName("circle-mlp")
        .setInputShape(Synthetic.DIM)
        .dense("hidden", 32, Activation.RELU)
        .dense("embed", 16, Activation.TANH)
        .dense("classifier", Synthetic.CLUSTERS, Activation.LINEAR)
        .optFeaturesLayer("embed")
        .build();
  }

  /** The input spec recorded in the exported manifest (the network's shape is added by export). */
  public static Map<String, Object> inputSpec() {
    return Map.of("kind", VectorEncoder.KIND);
  }

  /** The labelled source task: 60 examples per cluster, one class per cluster. */
  public static Dataset<float[]> sourceTask() {
    return Synthetic.circle("circle-source", 60, Synthetic.CLUSTERS, 11);
  }

  /**
   * Trains the source network and wraps it as a {@link NetworkModel}.
   *
   * @return the trained model (close it)
   */
  public static NetworkModel trainCircleSource() {
    return train(sourceTask().classLabels().values());
  }

  /**
   * The same network trained on the same inputs with the labels shuffled (seeded): a source that
   * learned nothing transferable, for ranking and guard tests.
   *
   * @param dir the model folder
   */
  public static void exportShuffledCircleSource(Path dir) {
    int[] labels = sourceTask().classLabels().values();
    java.util.Random rnd = new java.util.Random(99);
    for (int i = labels.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    try (NetworkModel model = train(labels)) {
      model.export(dir);
    }
  }

  private static NetworkModel train(int[] labels) {
    Dataset<float[]> data = sourceTask();
    float[] x = new float[data.size() * Synthetic.DIM];
    for (int i = 0; i < data.size(); i++) {
      System.arraycopy(data.example(i), 0, x, i * Synthetic.DIM, Synthetic.DIM);
    }
    GraphModel model = Runs.network(circleNetwork(), FineTuning.all(), 0.01, 3, DeviceConfig.cpu());
    Trainer.builder()
        .setModel(model)
        .setConfig(TrainerConfig.of(25, 32, 5))
        .build()
        .fit(ArrayDataset.ofClasses(x, Synthetic.DIM, labels, Synthetic.CLUSTERS), null);
    Provenance provenance =
        Provenance.builder("model")
            .put("modality", "tabular")
            .put("dataset", "circle-source")
            .build();
    Map<String, Object> spec = new java.util.LinkedHashMap<>(inputSpec());
    spec.put("shape", List.of(-1, Synthetic.DIM));
    return new NetworkModel(
        model, new VectorEncoder(), spec, Synthetic.names(Synthetic.CLUSTERS), provenance);
  }

  /**
   * Trains the source network and exports it into {@code dir}.
   *
   * @param dir the model folder
   */
  public static void exportCircleSource(Path dir) {
    try (NetworkModel model = trainCircleSource()) {
      model.export(dir);
    }
  }
}
