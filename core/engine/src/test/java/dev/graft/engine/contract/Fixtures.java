package dev.graft.engine.contract;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceKind;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.engine.strategy.SourceModels;
import dev.graft.engine.strategy.VectorEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;

/**
 * Fixtures of the contract runs: generated 12-dimensional vectors in 8 clusters on a circle (a
 * target labels clusters modulo 4), a frozen source whose features are the vectors themselves, and
 * the circle source model of {@link SourceModels}, trained once per test JVM.
 */
final class Fixtures {

  static final DeviceConfig CPU = DeviceConfig.cpu();
  static final InputEncoders ENCODERS = InputEncoders.of(List.of(new VectorEncoder()));
  static final int DIM = 12;
  static final int CLUSTERS = 8;
  static final int TARGET_CLASSES = 4;

  private static Path circleModel;

  private Fixtures() {}

  static List<String> names(int k) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      out.add("c" + c);
    }
    return out;
  }

  /** {@code perCluster} examples of each cluster, labelled with the cluster modulo {@code k}. */
  static Dataset<float[]> circle(String name, int perCluster, int k, long seed) {
    Random rnd = new Random(seed);
    List<float[]> x = new ArrayList<>();
    int[] y = new int[perCluster * CLUSTERS];
    for (int i = 0; i < y.length; i++) {
      int cluster = i % CLUSTERS;
      double angle = 2 * Math.PI * cluster / CLUSTERS;
      float[] v = new float[DIM];
      v[0] = (float) (3 * Math.cos(angle) + 0.45 * rnd.nextGaussian());
      v[1] = (float) (3 * Math.sin(angle) + 0.45 * rnd.nextGaussian());
      for (int j = 2; j < DIM; j++) {
        v[j] = (float) (0.5 * rnd.nextGaussian());
      }
      x.add(v);
      y[i] = cluster % k;
    }
    DatasetInfo info =
        new DatasetInfo(name, Modality.TABULAR, "generated", "sha256:" + name + seed, Map.of());
    return Dataset.labelled(info, x, ClassLabels.of(y, names(k)));
  }

  static Dataset<float[]> targetTrain() {
    return circle("target-train", 3, TARGET_CLASSES, 21);
  }

  static Dataset<float[]> targetValidation() {
    return circle("target-validation", 4, TARGET_CLASSES, 22);
  }

  /** JavaCPP's count of live native pointers (TensorFlow tensors, graphs, sessions). */
  static OptionalLong liveNativeResources() {
    return OptionalLong.of(Pointer.totalCount());
  }

  /** The circle source model folder, trained and exported on first use. */
  static synchronized Path circleModel() {
    if (circleModel == null) {
      try {
        Path dir = Files.createTempDirectory("graft-contract-model");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        SourceModels.exportCircleSource(dir.resolve("circle"));
        circleModel = dir.resolve("circle");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return circleModel;
  }

  /** Copies the circle model folder to {@code to}. */
  static void copyCircleModel(Path to) throws IOException {
    Path from = circleModel();
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** The circle model, copied under {@code dir} and opened through the model-store loader. */
  static Source trainableSource(Path dir) throws IOException {
    Path store = dir.resolve("store");
    copyCircleModel(store.resolve("circle"));
    ModelStoreLoader loader = new ModelStoreLoader(store, ENCODERS, CPU);
    SourceDescriptor d =
        loader.discover(new SourceQuery(Modality.TABULAR, Optional.empty(), Map.of())).get(0);
    return loader.open(d);
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is harmless
    }
  }

  /**
   * A frozen source whose features are the vectors themselves; its labelled data is the 8-class
   * circle source task (classes {@code c0..c7}, so the target's {@code c0..c3} match by name).
   */
  static final class VectorSource implements Source {

    private final Dataset<float[]> labelled = circle("circle-source", 20, CLUSTERS, 11);

    @Override
    public SourceDescriptor descriptor() {
      return new SourceDescriptor(
          "vectors",
          "test",
          SourceKind.MODEL_AND_DATA,
          Modality.TABULAR,
          "memory",
          Map.of("digest", "sha256:vectors"));
    }

    @Override
    public FeatureMatrix features(Dataset<?> data) {
      double[] out = new double[data.size() * DIM];
      for (int i = 0; i < data.size(); i++) {
        float[] x = (float[]) data.example(i);
        for (int j = 0; j < DIM; j++) {
          out[i * DIM + j] = x[j];
        }
      }
      return FeatureMatrix.wrap(data.size(), DIM, out);
    }

    @Override
    public Optional<ProbabilityMatrix> probabilities(Dataset<?> data) {
      return Optional.empty();
    }

    @Override
    public boolean trainable() {
      return false;
    }

    @Override
    public Optional<Dataset<?>> labelledData() {
      return Optional.of(labelled);
    }

    @Override
    public void close() {}
  }
}
