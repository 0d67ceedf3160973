package ${package};

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * {@code ${pluginId}-nearest-centroid}: the class centroids of the source's features on the
 * labelled target examples; an example's class probabilities are a softmax over its negative
 * squared distances to the centroids divided by a temperature. Nothing is trained by gradient
 * descent, so it runs in milliseconds and is deterministic.
 *
 * <p>Option {@code temperature}: a positive number, or {@code auto} (default: the mean squared
 * distance of the training examples to their own centroid).
 *
 * <p>{@link TrainedModel#export} writes {@code nearest-centroid.json} (centroids, class names,
 * temperature, the source's id): a model this plugin reads, not a TensorFlow SavedModel, so {@code
 * graft predict} cannot serve it — build a head with {@code graft-tensorflow} for that.
 */
@Extension
public final class NearestCentroidStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "${pluginId}-nearest-centroid";

  private static final Set<String> OPTIONS = Set.of("temperature");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Class centroids of the frozen source features, softmax over negative distances.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION),
        EnumSet.of(Requirement.FEATURES, Requirement.TARGET_LABELS));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    for (String key : context.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new ConfigException(
            "strategy '" + ID + "' has no option '" + key + "'; its options are " + OPTIONS + ".");
      }
    }
    Dataset<?> train = context.train();
    if (train.targets().isEmpty()) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "strategy '" + ID + "' needs labelled target examples; the training split has none.");
    }
    ClassLabels labels = train.classLabels();
    FeatureMatrix x = context.source().features(train).requireFinite("source features");
    int d = x.cols();
    int k = labels.numClasses();
    int[] counts = labels.counts();
    double[] centroids = new double[k * d];
    for (int i = 0; i < x.rows(); i++) {
      int c = labels.get(i);
      for (int j = 0; j < d; j++) {
        centroids[c * d + j] += x.get(i, j) / counts[c];
      }
    }
    double temperature = temperature(context, x, labels, centroids);
    Provenance provenance =
        Provenance.builder("model")
            .put("strategy.id", ID)
            .put("source", context.source().descriptor().id())
            .put("seed", context.seed())
            .put("temperature", temperature)
            .build();
    Model model =
        new Model(context.source(), centroids, counts, d, labels.names(), temperature, provenance);
    List<Metric> metrics = new ArrayList<>();
    if (context.validation().isPresent() && context.validation().get().targets().isPresent()) {
      Dataset<?> v = context.validation().get();
      ClassLabels truth = v.classLabels();
      ClassLabels predicted = model.predict(v).probabilities().orElseThrow().argmax();
      int hits = 0;
      for (int i = 0; i < truth.size(); i++) {
        hits += truth.get(i) == predicted.get(i) ? 1 : 0;
      }
      metrics.add(Metric.of("accuracy", (double) hits / truth.size(), true));
    }
    List<String> notes =
        List.of(
            String.format(
                Locale.ROOT,
                "%d centroids of %d source features from %d examples, temperature %.4g",
                labels.presentClasses(),
                d,
                x.rows(),
                temperature));
    return new TransferResult(
        ID, context.source().descriptor().id(), model, metrics, notes, provenance);
  }

  private static double temperature(
      TransferContext context, FeatureMatrix x, ClassLabels labels, double[] centroids) {
    String text = context.option("temperature").orElse("auto").trim();
    if (!text.equalsIgnoreCase("auto")) {
      double t;
      try {
        t = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        t = Double.NaN;
      }
      ConfigException.require(
          Double.isFinite(t) && t > 0,
          "strategies[" + ID + "].options.temperature",
          text,
          "a positive number or auto");
      return t;
    }
    double sum = 0;
    for (int i = 0; i < x.rows(); i++) {
      sum += squaredDistance(x.row(i), centroids, labels.get(i));
    }
    double mean = sum / x.rows();
    return mean > 1e-12 ? mean : 1;
  }

  private static double squaredDistance(double[] row, double[] centroids, int c) {
    int d = row.length;
    double s = 0;
    for (int j = 0; j < d; j++) {
      double diff = row[j] - centroids[c * d + j];
      s += diff * diff;
    }
    return s;
  }

  /** The centroids over a source's features. Thread-safe; holds no native resources. */
  static final class Model implements TrainedModel {
    private final Source source;
    private final double[] centroids;
    private final int[] counts;
    private final int dim;
    private final List<String> classNames;
    private final double temperature;
    private final Provenance provenance;
    private volatile boolean closed;

    Model(
        Source source,
        double[] centroids,
        int[] counts,
        int dim,
        List<String> classNames,
        double temperature,
        Provenance provenance) {
      this.source = source;
      this.centroids = centroids;
      this.counts = counts;
      this.dim = dim;
      this.classNames = List.copyOf(classNames);
      this.temperature = temperature;
      this.provenance = provenance;
    }

    @Override
    public Predictions predict(Dataset<?> data) {
      if (closed) {
        throw new IllegalStateException("the " + ID + " model is closed");
      }
      FeatureMatrix x = source.features(data);
      if (x.cols() != dim) {
        throw new GraftException(
            GraftErrors.SIZE_MISMATCH,
            "source " + source.descriptor().id() + " gave " + x.cols() + " features, not " + dim);
      }
      int k = counts.length;
      double[] p = new double[x.rows() * k];
      for (int i = 0; i < x.rows(); i++) {
        double[] row = x.row(i);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double logit =
              counts[c] == 0
                  ? Double.NEGATIVE_INFINITY
                  : -squaredDistance(row, centroids, c) / temperature;
          p[i * k + c] = logit;
          max = Math.max(max, logit);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          p[i * k + c] = Math.exp(p[i * k + c] - max);
          sum += p[i * k + c];
        }
        for (int c = 0; c < k; c++) {
          p[i * k + c] /= sum;
        }
      }
      return Predictions.ofProbabilities(
          new ProbabilityMatrix(FeatureMatrix.wrap(x.rows(), k, p)));
    }

    @Override
    public void export(Path dir) {
      if (closed) {
        throw new IllegalStateException("the " + ID + " model is closed");
      }
      StringBuilder json = new StringBuilder();
      json.append("{\"strategy\": \"").append(ID).append("\", \"source\": \"");
      json.append(source.descriptor().id().replace("\"", "\\\"")).append("\", ");
      json.append("\"temperature\": ").append(temperature).append(", \"classes\": [");
      for (int c = 0; c < classNames.size(); c++) {
        json.append(c == 0 ? "" : ", ").append('"');
        json.append(classNames.get(c).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
      json.append("], \"centroids\": [");
      for (int c = 0; c < counts.length; c++) {
        json.append(c == 0 ? "[" : ", [");
        for (int j = 0; j < dim; j++) {
          json.append(j == 0 ? "" : ", ").append(counts[c] == 0 ? 0 : centroids[c * dim + j]);
        }
        json.append(']');
      }
      json.append("]}\n");
      Path parent = dir.toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, dir.getFileName() + ".tmp");
        Files.writeString(staging.resolve("nearest-centroid.json"), json, StandardCharsets.UTF_8);
        deleteTree(dir);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new GraftException(
            GraftErrors.FILE_NOT_WRITABLE, "cannot export the model to " + dir + ": " + e, e);
      }
    }

    @Override
    public Provenance provenance() {
      return provenance;
    }

    @Override
    public void close() {
      closed = true;
    }

    private static void deleteTree(Path root) throws IOException {
      if (!Files.exists(root)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
