package dev.graft.vision.demo;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.io.AtomicFiles;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.pretrain.PretrainRequest;
import dev.graft.vision.pretrain.PretrainResult;
import dev.graft.vision.pretrain.Pretrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The demo's source models: {@code small-cnn} pretrained on the shipped rendered digits ({@code
 * glyphs-digits}) and on the 62 rendered digits and letters ({@code glyphs-alnum}), both in the UCI
 * 8x8 form. Models are not shipped: {@link #ensure} pretrains each on first use into the model
 * store and reuses it afterwards while its manifest records the same data digest, recipe, seed and
 * epochs.
 */
public final class DemoSources {

  /**
   * One demo source.
   *
   * @param name the model's name in the store
   * @param data the shipped data set it is trained on
   * @param recipe the recipe
   * @param seed the pretraining seed
   * @param epochs the maximum epochs
   */
  public record Spec(String name, VisionData data, String recipe, long seed, int epochs) {}

  /** The demo's sources, as {@code graft pretrain vision --demo-sources} makes them. */
  public static final List<Spec> SOURCES =
      List.of(
          new Spec("glyphs-digits", VisionData.GLYPH_DIGITS, "small-cnn", 1, 30),
          new Spec("glyphs-alnum", VisionData.GLYPH_ALNUM, "small-cnn", 2, 30));

  private DemoSources() {}

  /**
   * Makes sure every demo source is in the store, pretraining the missing or outdated ones.
   *
   * @param store the model store folder
   * @param device where to train
   * @param progress receives one line per step and epoch
   * @return the model folders, in {@link #SOURCES} order
   */
  public static List<Path> ensure(Path store, DeviceConfig device, Consumer<String> progress) {
    List<Path> out = new ArrayList<>();
    for (Spec s : SOURCES) {
      Path dir = store.resolve(s.name());
      Dataset<Image> data = s.data().load();
      if (upToDate(dir, s, data.info().digest())) {
        progress.accept("source " + s.name() + ": cached in " + dir);
      } else {
        progress.accept(
            "source " + s.name() + ": pretraining " + s.recipe() + " on " + s.data().datasetName());
        PretrainResult r =
            new Pretrainer(device, line -> progress.accept("  " + line))
                .run(
                    PretrainRequest.of(
                        data,
                        ImageInputSpec.of(8, 8, 1),
                        s.recipe(),
                        s.epochs(),
                        s.seed(),
                        s.name(),
                        store));
        progress.accept(
            String.format(
                java.util.Locale.ROOT,
                "source %s: stored in %s (validation accuracy %.4f, %.1f s)",
                s.name(),
                r.model(),
                r.validationAccuracy(),
                r.seconds()));
      }
      writeSourceData(store, s);
      out.add(dir);
    }
    return out;
  }

  /**
   * Puts the source's training data next to its model folder with a {@code <name>.source-data.json}
   * sidecar (reader, file, options), so the model-store source can offer it as labelled source data
   * (for CORAL, KMM, TrAdaBoost and the report's source-vs-target projection). Outside the model
   * folder, so the model's file digests are unaffected.
   */
  private static void writeSourceData(Path store, Spec s) {
    String file = s.name() + ".source-data.csv.gz";
    s.data().copyTo(store.resolve(file));
    StringBuilder options = new StringBuilder();
    s.data()
        .readerOptions()
        .forEach(
            (k, v) ->
                options
                    .append(options.length() == 0 ? "" : ", ")
                    .append('"')
                    .append(k)
                    .append("\": \"")
                    .append(v)
                    .append('"'));
    AtomicFiles.writeString(
        store.resolve(s.name() + ".source-data.json"),
        "{\"reader\": \"pixel-csv\", \"path\": \""
            + file
            + "\", \"options\": {"
            + options
            + "}}\n");
  }

  /**
   * Whether a stored model was made from this spec and data.
   *
   * @param dir the model folder
   * @param spec the demo source
   * @param dataDigest the digest of the shipped data now
   * @return true if it can be reused
   */
  static boolean upToDate(Path dir, Spec spec, String dataDigest) {
    if (!ModelManifest.existsIn(dir)) {
      return false;
    }
    Map<String, Object> p = ModelManifest.readFrom(dir).provenance();
    return Objects.equals(p.get("dataDigest"), dataDigest)
        && Objects.equals(p.get("recipe"), spec.recipe())
        && p.get("seed") instanceof Number seed
        && seed.longValue() == spec.seed()
        && p.get("epochs") instanceof Number epochs
        && epochs.intValue() == spec.epochs();
  }
}
