package dev.graft.vision.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.source.EncodedInputs;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;
import dev.graft.tensorflow.nn.OptimizerSpec;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.tensorflow.savedmodel.SavedModelRunner;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.EpochSummary;
import dev.graft.tensorflow.train.Trainer;
import dev.graft.tensorflow.train.TrainerConfig;
import dev.graft.tensorflow.train.TrainingListener;
import dev.graft.vision.Image;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.encode.ImageSpecMaps;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.pretrain.PretrainRequest;
import dev.graft.vision.pretrain.Pretrainer;
import dev.graft.vision.read.IdxReader;
import dev.graft.vision.read.ImageFolderReader;
import dev.graft.vision.recipe.VisionRecipes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decode, preprocessing, feature-extraction and training throughput of the vision path on this
 * machine. Writes Fashion-MNIST training images as 28x28 gray PNGs into an {@code image-folder}
 * tree (one sub-folder per class), pretrains a throw-away {@code small-cnn} for 28x28 (one epoch,
 * only to have a stored model), then per thread setting and round times: reading the folder with
 * {@link ImageFolderReader} (PNG decode), encoding with {@link ImageInputEncoder} (resize, scale,
 * NHWC float32), and the stored model's {@code features} signature through {@link SavedModelRunner}
 * at batch 256 (what the model-store source does); best round per stage. Then training throughput
 * of {@code small-cnn} at 28x28, batch 64, Adam, through the toolkit's {@link Trainer} on
 * pre-encoded images, plus the cost of re-augmenting an epoch as {@code graft pretrain vision}
 * does.
 *
 * <p>Disabled unless {@code -Dgraft.bench=true}; needs Debian's {@code dataset-fashion-mnist}:
 *
 * <pre>
 * mvn -o -pl plugins/vision test -Dtest=VisionThroughputBench -Dgraft.bench=true \
 *     [-Dgraft.bench.images=2000] [-Dgraft.bench.rounds=5] [-Dgraft.bench.train-images=10000]
 * </pre>
 *
 * The summary goes to {@code target/bench/vision-throughput.txt}.
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class VisionThroughputBench {

  /** Inference batch, as the model-store source runs its signatures. */
  static final int INFERENCE_BATCH = 256;

  /** Training batch. */
  static final int TRAIN_BATCH = 64;

  static Dataset<Image> fashionTrain(int n) {
    Dataset<Image> all =
        new IdxReader()
            .read(NegativeTransferBench.FASHION, new ReadOptions(BadInputPolicy.FAIL, n, Map.of()))
            .dataset();
    return all;
  }

  /** Writes the images as PNGs into {@code folder/c<label>/<index>.png}, unless already there. */
  static void writePngs(Dataset<Image> data, Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        if (files.filter(p -> p.toString().endsWith(".png")).count() == data.size()) {
          return;
        }
      }
    }
    for (int i = 0; i < data.size(); i++) {
      Path dir = folder.resolve("c" + data.classLabels().get(i));
      Files.createDirectories(dir);
      if (!ImageIO.write(
          data.example(i).toBufferedImage(),
          "png",
          dir.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile())) {
        throw new IOException("no PNG writer");
      }
    }
  }

  /** Best seconds of each stage over the rounds. */
  record Stages(double read, double encode, double features, double total) {}

  static Stages inference(
      Path folder, Path model, Map<String, Object> spec, DeviceConfig device, int rounds) {
    ImageFolderReader reader = new ImageFolderReader();
    ImageInputEncoder encoder = new ImageInputEncoder();
    ReadOptions options = new ReadOptions(BadInputPolicy.FAIL, 0, Map.of());
    double read = Double.MAX_VALUE;
    double encode = Double.MAX_VALUE;
    double features = Double.MAX_VALUE;
    double total = Double.MAX_VALUE;
    try (SavedModelRunner runner =
        SavedModelRunner.builder(model).signature("features").device(device).open()) {
      for (int r = -1; r < rounds; r++) {
        long t0 = System.nanoTime();
        Dataset<Image> data = reader.read(folder, options).dataset();
        long t1 = System.nanoTime();
        EncodedInputs in = encoder.encode(data, spec, false, 0L);
        long t2 = System.nanoTime();
        int[] shape = in.exampleShape();
        Map<String, HostTensor> out =
            runner.runBatched(
                Map.of(
                    "input",
                    HostTensor.ofFloats(in.values(), in.count(), shape[0], shape[1], shape[2])),
                INFERENCE_BATCH);
        long t3 = System.nanoTime();
        if (out.get("features").toFloatArray().length != in.count() * 128L) {
          throw new IllegalStateException("unexpected features width");
        }
        if (r < 0) {
          continue; // warm-up round: JIT, TensorFlow graph and oneDNN primitives
        }
        read = Math.min(read, (t1 - t0) / 1e9);
        encode = Math.min(encode, (t2 - t1) / 1e9);
        features = Math.min(features, (t3 - t2) / 1e9);
        total = Math.min(total, (t3 - t0) / 1e9);
      }
    }
    return new Stages(read, encode, features, total);
  }

  /** Training images/s of small-cnn at 28x28 per epoch (first epoch includes graph warm-up). */
  static List<Double> training(
      Dataset<Image> data, Map<String, Object> spec, DeviceConfig device, int epochs) {
    EncodedInputs in = new ImageInputEncoder().encode(data, spec, false, 0L);
    ArrayDataset train =
        ArrayDataset.ofClasses(in.values(), in.exampleSize(), data.classLabels().values(), 10);
    List<Double> perEpoch = new ArrayList<>();
    try (GraphModel model =
        GraphModel.builder()
            .setNetwork(VisionRecipes.build("small-cnn", 28, 28, 1, 10))
            .setLoss(LossSpec.softmaxCrossEntropy())
            .optOptimizer(OptimizerSpec.adam(1e-3))
            .optSeed(42)
            .optDevice(device)
            .build()) {
      Trainer.builder()
          .setModel(model)
          .setConfig(TrainerConfig.of(epochs, TRAIN_BATCH, 42))
          .optListener(
              new TrainingListener() {
                @Override
                public void onEpochEnd(EpochSummary s) {
                  perEpoch.add(s.examplesPerSecond());
                }
              })
          .build()
          .fit(train, null);
    }
    return perEpoch;
  }

  /**
   * Runs the benchmark.
   *
   * @param root the bench folder
   * @param images images written and read per inference round
   * @param rounds timed rounds per thread setting (after one warm-up round)
   * @param trainImages training images per epoch
   * @return the summary
   * @throws IOException if files cannot be written
   */
  static String run(Path root, int images, int rounds, int trainImages) throws IOException {
    StringBuilder report = new StringBuilder();
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s tensorflow=%s common-pool-parallelism=%d loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            org.tensorflow.TensorFlow.version(),
            java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
            BenchSupport.loadAverage()));
    Path base = root.resolve("throughput");
    Dataset<Image> train = fashionTrain(Math.max(images, trainImages));
    Dataset<Image> sample = train.subset(java.util.stream.IntStream.range(0, images).toArray());
    Path folder = base.resolve("images");
    long t0 = System.nanoTime();
    writePngs(sample, folder);
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "%d PNGs in %s (%.1f s to write or check)",
            images,
            folder,
            (System.nanoTime() - t0) / 1e9));
    Path store = base.resolve("store");
    Path model = store.resolve("fashion-28");
    if (!ModelManifest.existsIn(model)) {
      new Pretrainer(DeviceConfig.cpu(), line -> {})
          .run(
              new PretrainRequest(
                  sample,
                  ImageInputSpec.of(28, 28, 1),
                  "small-cnn",
                  1,
                  1,
                  "fashion-28",
                  store,
                  0.0,
                  3,
                  64,
                  1e-3,
                  AugmentationSpec.NONE));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) ModelManifest.readFrom(model).inputSpec();

    BenchSupport.log(
        report,
        "inference (images/s; best of "
            + rounds
            + " rounds after a warm-up round): threads intra/inter | read+decode | encode |"
            + " features (batch 256) | end to end");
    for (DeviceConfig device :
        List.of(
            DeviceConfig.cpu().withThreads(2, 1),
            DeviceConfig.cpu().withThreads(1, 1),
            DeviceConfig.cpu())) {
      Stages s = inference(folder, model, spec, device, rounds);
      BenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "%d/%d | %.0f | %.0f | %.0f | %.0f   (seconds %.3f %.3f %.3f %.3f; loadavg %s)",
              device.intraOpThreads(),
              device.interOpThreads(),
              images / s.read(),
              images / s.encode(),
              images / s.features(),
              images / s.total(),
              s.read(),
              s.encode(),
              s.features(),
              s.total(),
              BenchSupport.loadAverage()));
    }

    Dataset<Image> trainSet =
        train.subset(java.util.stream.IntStream.range(0, trainImages).toArray());
    Map<String, Object> augmented =
        ImageSpecMaps.toMap(ImageInputSpec.of(28, 28, 1), AugmentationSpec.mild());
    double augmentSeconds = Double.MAX_VALUE;
    ImageInputEncoder encoder = new ImageInputEncoder();
    for (int r = -1; r < rounds; r++) {
      long a = System.nanoTime();
      encoder.encode(trainSet, augmented, true, r + 10L);
      if (r >= 0) {
        augmentSeconds = Math.min(augmentSeconds, (System.nanoTime() - a) / 1e9);
      }
    }
    BenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "mild augmentation + encode of %d images (one epoch's re-augmentation in graft pretrain"
                + " vision): %.2f s, %.0f images/s",
            trainImages,
            augmentSeconds,
            trainImages / augmentSeconds));
    BenchSupport.log(
        report,
        "training small-cnn 28x28, batch 64, Adam, "
            + trainImages
            + " pre-encoded images per epoch: threads | images/s per epoch (epoch 1 includes"
            + " warm-up)");
    for (DeviceConfig device : List.of(DeviceConfig.cpu().withThreads(2, 1), DeviceConfig.cpu())) {
      List<Double> perEpoch = training(trainSet, spec, device, 3);
      BenchSupport.log(
          report,
          String.format(
              Locale.ROOT,
              "%d/%d | %s | best %.0f (loadavg %s)",
              device.intraOpThreads(),
              device.interOpThreads(),
              perEpoch.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
              perEpoch.stream().mapToDouble(Double::doubleValue).max().orElse(0),
              BenchSupport.loadAverage()));
    }
    BenchSupport.log(report, "loadavg-end=" + BenchSupport.loadAverage());
    Files.writeString(root.resolve("vision-throughput.txt"), report.toString());
    return report.toString();
  }

  @Test
  void throughput() throws IOException {
    assumeTrue(
        Files.isRegularFile(NegativeTransferBench.FASHION.resolve("train-images-idx3-ubyte.gz")),
        "dataset-fashion-mnist not installed");
    String text =
        run(
            Path.of(System.getProperty("graft.bench.dir", "target/bench")),
            Integer.getInteger("graft.bench.images", 2000),
            Integer.getInteger("graft.bench.rounds", 5),
            Integer.getInteger("graft.bench.train-images", 10000));
    assertTrue(text.contains("training"));
  }

  /**
   * Runs the benchmark outside JUnit.
   *
   * @param args optional: bench folder (default {@code target/bench}), images (2000), rounds (5),
   *     training images per epoch (10000)
   * @throws IOException if files cannot be written
   */
  public static void main(String[] args) throws IOException {
    try {
      run(
          Path.of(args.length > 0 ? args[0] : "target/bench"),
          args.length > 1 ? Integer.parseInt(args[1]) : 2000,
          args.length > 2 ? Integer.parseInt(args[2]) : 5,
          args.length > 3 ? Integer.parseInt(args[3]) : 10000);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
