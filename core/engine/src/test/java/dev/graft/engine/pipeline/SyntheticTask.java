package dev.graft.engine.pipeline;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.source.SourceQuery;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A synthetic transfer task with known structure, for pipeline tests. Each example has a latent
 * class code z (well separated per class) and a raw input x = z mixed into many noisy dimensions.
 * The "oracle" source embeds an example as its z plus a little noise (genuinely useful); the
 * "shuffled" source embeds it as noise (useless). The strategies are nearest-centroid classifiers:
 * {@code centroid-probe} on a source's features, {@code scratch} on the raw inputs.
 */
final class SyntheticTask {

  static final int CLASSES = 4;
  static final int LATENT = 4;
  static final int RAW = 60;

  /** One example: its raw input and its latent code (which only the oracle source can see). */
  record Example(double[] raw, double[] latent) {}

  static Dataset<Example> dataset(int perClass, long seed) {
    Random rnd = new Random(seed);
    double[][] centres = new double[CLASSES][LATENT];
    Random fixed = new Random(42);
    for (int c = 0; c < CLASSES; c++) {
      for (int j = 0; j < LATENT; j++) {
        centres[c][j] = 3 * fixed.nextGaussian();
      }
    }
    List<Example> examples = new ArrayList<>();
    int[] labels = new int[perClass * CLASSES];
    for (int i = 0; i < labels.length; i++) {
      int c = i % CLASSES;
      labels[i] = c;
      double[] z = new double[LATENT];
      for (int j = 0; j < LATENT; j++) {
        z[j] = centres[c][j] + 0.5 * rnd.nextGaussian();
      }
      double[] x = new double[RAW];
      for (int j = 0; j < RAW; j++) {
        x[j] = (j < LATENT ? 0.35 * z[j] : 0) + 2.0 * rnd.nextGaussian();
      }
      examples.add(new Example(x, z));
    }
    return Dataset.labelled(
        new DatasetInfo(
            "synthetic", Modality.TABULAR, "generated", "sha256:synthetic-" + seed, Map.of()),
        examples,
        ClassLabels.of(labels, CLASSES));
  }

  static FeatureMatrix embed(Dataset<?> data, Function<Example, double[]> f) {
    double[][] rows = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      rows[i] = f.apply((Example) data.example(i));
    }
    return FeatureMatrix.of(rows);
  }

  static Capabilities tabular(EnumSet<Requirement> requirements) {
    return new Capabilities(
        EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), requirements);
  }

  static final class Reader implements DatasetReader {
    public String id() {
      return "synthetic";
    }

    public String description() {
      return "Synthetic latent-class task.";
    }

    public Capabilities capabilities() {
      return tabular(EnumSet.noneOf(Requirement.class));
    }

    public java.util.Set<String> formats() {
      return java.util.Set.of("synthetic");
    }

    public Class<?> exampleType() {
      return Example.class;
    }

    public boolean accepts(Path path) {
      return true;
    }

    public ReadResult<?> read(Path path, ReadOptions options) {
      int perClass = Integer.parseInt(options.option("per-class").orElse("60"));
      return new ReadResult<>(dataset(perClass, 7), List.of());
    }
  }

  static final class ToySource implements Source {
    private final SourceDescriptor descriptor;
    private final boolean useful;
    boolean closed;

    ToySource(SourceDescriptor descriptor, boolean useful) {
      this.descriptor = descriptor;
      this.useful = useful;
    }

    public SourceDescriptor descriptor() {
      return descriptor;
    }

    public FeatureMatrix features(Dataset<?> data) {
      return embed(
          data,
          e -> {
            double[] out = new double[LATENT];
            Random r = new Random(java.util.Arrays.hashCode(e.raw()));
            for (int j = 0; j < LATENT; j++) {
              out[j] = useful ? e.latent()[j] + 0.3 * r.nextGaussian() : r.nextGaussian();
            }
            return out;
          });
    }

    public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
      return Optional.empty();
    }

    public boolean trainable() {
      return true;
    }

    public Optional<Dataset<?>> labelledData() {
      return Optional.empty();
    }

    public void close() {
      closed = true;
    }
  }

  static final class Loader implements SourceLoader {
    final List<ToySource> opened = new ArrayList<>();

    public String id() {
      return "toy";
    }

    public String description() {
      return "An oracle and a useless source.";
    }

    public Capabilities capabilities() {
      return tabular(EnumSet.noneOf(Requirement.class));
    }

    public List<SourceDescriptor> discover(SourceQuery query) {
      return List.of(
          new SourceDescriptor(
              "oracle",
              "toy",
              SourceKind.PRETRAINED_MODEL,
              Modality.TABULAR,
              "",
              Map.of("digest", "o1")),
          new SourceDescriptor(
              "shuffled",
              "toy",
              SourceKind.PRETRAINED_MODEL,
              Modality.TABULAR,
              "",
              Map.of("digest", "s1")));
    }

    public Source open(SourceDescriptor d) {
      ToySource s = new ToySource(d, d.id().equals("oracle"));
      opened.add(s);
      return s;
    }
  }

  /** Nearest-centroid model over an embedding. */
  static final class CentroidModel implements TrainedModel {
    private final Function<Dataset<?>, FeatureMatrix> embed;
    private final double[][] centroids;
    boolean exported;

    CentroidModel(Function<Dataset<?>, FeatureMatrix> embed, Dataset<?> train) {
      this.embed = embed;
      FeatureMatrix f = embed.apply(train);
      ClassLabels y = train.classLabels();
      centroids = new double[y.numClasses()][f.cols()];
      int[] counts = y.counts();
      for (int i = 0; i < f.rows(); i++) {
        for (int j = 0; j < f.cols(); j++) {
          centroids[y.get(i)][j] += f.get(i, j) / counts[y.get(i)];
        }
      }
    }

    public Predictions predict(Dataset<?> data) {
      FeatureMatrix f = embed.apply(data);
      double[] p = new double[f.rows() * centroids.length];
      for (int i = 0; i < f.rows(); i++) {
        double max = Double.NEGATIVE_INFINITY;
        double[] s = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
          double d = 0;
          for (int j = 0; j < f.cols(); j++) {
            double diff = f.get(i, j) - centroids[c][j];
            d += diff * diff;
          }
          s[c] = -d;
          max = Math.max(max, s[c]);
        }
        double sum = 0;
        for (int c = 0; c < centroids.length; c++) {
          s[c] = Math.exp(s[c] - max);
          sum += s[c];
        }
        for (int c = 0; c < centroids.length; c++) {
          p[i * centroids.length + c] = s[c] / sum;
        }
      }
      return Predictions.ofProbabilities(
          new ProbabilityMatrix(FeatureMatrix.wrap(f.rows(), centroids.length, p)));
    }

    public void export(Path dir) {
      dev.graft.api.io.AtomicFiles.writeString(
          dir.resolve("centroids.txt"), java.util.Arrays.deepToString(centroids));
      exported = true;
    }

    public Provenance provenance() {
      return Provenance.builder("model").build();
    }

    public void close() {}
  }

  static final class CentroidProbe implements TransferStrategy {
    public String id() {
      return "centroid-probe";
    }

    public String description() {
      return "Nearest centroid on the source's features.";
    }

    public Capabilities capabilities() {
      return tabular(EnumSet.of(Requirement.FEATURES, Requirement.TARGET_LABELS));
    }

    public TransferResult transfer(TransferContext ctx) {
      Source s = ctx.source();
      return new TransferResult(
          id(),
          s.descriptor().id(),
          new CentroidModel(s::features, ctx.train()),
          List.of(),
          List.of("centroids of " + ctx.train().size() + " examples"),
          Provenance.builder("run").build());
    }
  }

  static final class Scratch implements TransferStrategy {
    public String id() {
      return "scratch";
    }

    public String description() {
      return "Nearest centroid on the raw inputs.";
    }

    public Capabilities capabilities() {
      return tabular(EnumSet.of(Requirement.TARGET_LABELS));
    }

    public TransferResult transfer(TransferContext ctx) {
      return new TransferResult(
          id(),
          ctx.source().descriptor().id(),
          new CentroidModel(d -> embed(d, Example::raw), ctx.train()),
          List.of(),
          List.of(),
          Provenance.builder("run").build());
    }
  }

  /**
   * Needs labelled source data, which the toy sources do not have: must be skipped with a reason.
   */
  static final class NeedsSourceData implements TransferStrategy {
    public String id() {
      return "kmm-like";
    }

    public String description() {
      return "Needs source data.";
    }

    public Capabilities capabilities() {
      return tabular(EnumSet.of(Requirement.SOURCE_DATA, Requirement.TARGET_LABELS));
    }

    public TransferResult transfer(TransferContext ctx) {
      throw new AssertionError("must not run");
    }
  }

  private SyntheticTask() {}
}
