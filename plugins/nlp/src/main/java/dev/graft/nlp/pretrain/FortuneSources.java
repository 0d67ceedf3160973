package dev.graft.nlp.pretrain;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.nlp.Text;
import dev.graft.nlp.data.NlpData;
import dev.graft.nlp.embed.SkipGram;
import dev.graft.nlp.embed.UnlabelledCorpus;
import dev.graft.nlp.embed.WordVectors;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.sdk.json.Json;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The sources of the fortune topic-transfer scenario ({@code
 * docs/examples/nlp/fortune-topics.yaml}): skip-gram word vectors trained on unlabelled text (every
 * English fortune file except the five target categories, plus up to 10 million characters of
 * Debian's package documentation, identical paragraphs once), 10 epochs, and four models trained on
 * the ten source categories:
 *
 * <ul>
 *   <li>{@code fortunes-cnn}: {@code text-cnn}, embedding learned from scratch;
 *   <li>{@code fortunes-cnn-sgns}: {@code text-cnn}, embedding initialised from the word vectors;
 *   <li>{@code fortunes-cnn-sgns-static}: {@code text-cnn} over the frozen word vectors (Kim's
 *       "CNN-static");
 *   <li>{@code fortunes-bag-sgns}: {@code embedding-bag} over the frozen word vectors (the
 *       self-supervised embedding itself as a source, with a head for the source categories).
 * </ul>
 *
 * <p>Each is pretrained on first use and reused while its manifest records the same data digest,
 * recipe, seed and epochs; the vectors are reused while their corpus description is unchanged.
 * Without Debian's {@code fortunes} package the shipped subset is used (and recorded).
 */
public final class FortuneSources {

  /** The names of the four scenario sources. */
  public static final List<String> NAMES =
      List.of("fortunes-cnn", "fortunes-cnn-sgns", "fortunes-cnn-sgns-static", "fortunes-bag-sgns");

  /** The folder (inside the store) that holds the word vectors; it has no model manifest. */
  public static final String VECTORS_FOLDER = "fortunes-sgns-vectors";

  /** Maximum epochs of each source. */
  public static final int EPOCHS = 30;

  /** Characters of Debian documentation in the skip-gram corpus. */
  public static final long DOCS_CHARS = 10_000_000L;

  /**
   * One scenario source.
   *
   * @param name the model name in the store
   * @param recipe the text recipe
   * @param vectors whether the word vectors initialise the embedding
   * @param freeze whether the embedding stays fixed
   * @param learningRate Adam's rate
   */
  public record Spec(
      String name, String recipe, boolean vectors, boolean freeze, double learningRate) {}

  /** The four sources. */
  public static final List<Spec> SPECS =
      List.of(
          new Spec("fortunes-cnn", "text-cnn", false, false, 1e-3),
          new Spec("fortunes-cnn-sgns", "text-cnn", true, false, 1e-3),
          new Spec("fortunes-cnn-sgns-static", "text-cnn", true, true, 1e-3),
          new Spec("fortunes-bag-sgns", "embedding-bag", true, true, 5e-3));

  private FortuneSources() {}

  /**
   * The fortune folder to use: Debian's when installed, otherwise the shipped subset copied into
   * {@code scratch}.
   *
   * @param scratch where to copy the shipped files if needed
   * @return the folder
   */
  public static Path fortunesFolder(Path scratch) {
    if (Files.isRegularFile(FortuneReader.DEBIAN_FOLDER.resolve("computers"))) {
      return FortuneReader.DEBIAN_FOLDER;
    }
    return NlpData.copyFortunes(scratch);
  }

  /**
   * The labelled source data: the ten source categories.
   *
   * @param fortunes a fortune folder
   * @return the texts
   */
  @SuppressWarnings("unchecked")
  public static Dataset<Text> sourceData(Path fortunes) {
    return (Dataset<Text>)
        new FortuneReader()
            .read(
                fortunes,
                new ReadOptions(
                    BadInputPolicy.SKIP,
                    0,
                    Map.of("categories", String.join(",", NlpData.SOURCE_CATEGORIES))))
            .dataset();
  }

  /**
   * Trains (or reuses) the word vectors.
   *
   * @param store the model store
   * @param fortunes a fortune folder
   * @param progress progress lines
   * @return the vectors
   */
  public static WordVectors vectors(Path store, Path fortunes, Consumer<String> progress) {
    Path dir = store.resolve(VECTORS_FOLDER);
    Path file = dir.resolve("vectors.txt");
    Path about = dir.resolve("corpus.json");
    SkipGram.Config config = new SkipGram.Config(64, 5, 5, 10, 0.025, 1e-4, 3, 30_000, 1);
    String description =
        "fortunes="
            + fortunes.toAbsolutePath()
            + " exclude="
            + NlpData.TARGET_CATEGORIES
            + " dedupe=true docs="
            + UnlabelledCorpus.DEBIAN_DOCS
            + " docsChars="
            + DOCS_CHARS
            + " config="
            + config;
    try {
      if (Files.isRegularFile(file)
          && Files.isRegularFile(about)
          && Files.readString(about).contains(Json.string(description))) {
        progress.accept("word vectors: cached in " + file);
        return WordVectors.read(file);
      }
    } catch (IOException e) {
      progress.accept("word vectors: cache unreadable (" + e + "), training again");
    }
    UnlabelledCorpus corpus =
        new UnlabelledCorpus()
            .addFortunes(fortunes, NlpData.TARGET_CATEGORIES)
            .addDocumentation(UnlabelledCorpus.DEBIAN_DOCS, DOCS_CHARS);
    corpus.sources().forEach(s -> progress.accept("corpus: " + s));
    progress.accept(
        String.format(
            Locale.ROOT,
            "corpus: %d texts, %d characters (%d duplicate texts and %d files left out: not UTF-8"
                + " or unreadable)",
            corpus.texts().size(),
            corpus.chars(),
            corpus.duplicates(),
            corpus.skippedFiles()));
    long t0 = System.nanoTime();
    WordVectors vectors =
        new SkipGram(config, progress).train(corpus.texts(), WordTokenizer.defaults());
    progress.accept(
        String.format(
            Locale.ROOT,
            "word vectors: %d x %d in %.1f s",
            vectors.size(),
            vectors.dimension(),
            (System.nanoTime() - t0) / 1e9));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new dev.graft.api.error.GraftException(
          dev.graft.api.error.GraftErrors.FILE_NOT_WRITABLE,
          "cannot create " + dir + ": " + e + ". Check permissions, or pass --store DIR.",
          e);
    }
    vectors.write(file);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("description", description);
    info.put("texts", Integer.toString(corpus.texts().size()));
    info.put("chars", Long.toString(corpus.chars()));
    info.put("sources", String.join("; ", corpus.sources()));
    dev.graft.api.io.AtomicFiles.writeString(about, Json.map(info) + "\n");
    return vectors;
  }

  /**
   * Makes the four scenario sources, skipping those already in the store.
   *
   * @param store the model store
   * @param scratch a folder for the shipped fortunes when Debian's are not installed
   * @param device where to train
   * @param progress progress lines
   * @return the model folders, in {@link #NAMES} order
   */
  public static List<Path> ensure(
      Path store, Path scratch, DeviceConfig device, Consumer<String> progress) {
    Path fortunes = fortunesFolder(scratch);
    progress.accept("fortunes: " + fortunes);
    Dataset<Text> data = sourceData(fortunes);
    WordVectors vectors = vectors(store, fortunes, progress);
    String vectorsDigest = vectors.digest();
    List<Path> out = new ArrayList<>();
    for (Spec s : SPECS) {
      Path dir = store.resolve(s.name());
      out.add(dir);
      if (upToDate(dir, s, data.info().digest(), vectorsDigest)) {
        progress.accept(s.name() + ": up to date in " + dir);
        continue;
      }
      TextPretrainRequest request =
          new TextPretrainRequest(
              data,
              s.recipe(),
              WordTokenizer.defaults(),
              64,
              20_000,
              2,
              64,
              s.vectors() ? vectors : null,
              s.freeze(),
              EPOCHS,
              1,
              s.name(),
              store,
              0.1,
              3,
              64,
              s.learningRate());
      progress.accept(s.name() + ": pretraining " + s.recipe() + " on " + data.size() + " texts");
      TextPretrainResult r =
          new TextPretrainer(device, line -> progress.accept("  " + line)).run(request);
      progress.accept(
          String.format(
              Locale.ROOT,
              "%s: vocabulary %d, %d epochs (best %d), validation accuracy %.4f, %.1f s",
              s.name(),
              r.vocabularySize(),
              r.epochsRun(),
              r.bestEpoch(),
              r.validationAccuracy(),
              r.seconds()));
    }
    return out;
  }

  /**
   * Whether a stored source matches its spec and data.
   *
   * @param dir the model folder
   * @param s the spec
   * @param digest the source data's digest
   * @param vectorsDigest the word vectors' digest
   * @return true when it can be reused
   */
  static boolean upToDate(Path dir, Spec s, String digest, String vectorsDigest) {
    if (!ModelManifest.existsIn(dir)) {
      return false;
    }
    Map<String, Object> p = ModelManifest.readFrom(dir).provenance();
    return Objects.equals(p.get("dataDigest"), digest)
        && Objects.equals(p.get("recipe"), s.recipe())
        && Objects.equals(p.get("frozenEmbedding"), s.freeze())
        && p.get("epochs") instanceof Number e
        && e.intValue() == EPOCHS
        && p.get("seed") instanceof Number seed
        && seed.longValue() == 1
        && Objects.equals(
            p.get("wordVectors") instanceof String w && !w.equals("none"), s.vectors());
  }
}
