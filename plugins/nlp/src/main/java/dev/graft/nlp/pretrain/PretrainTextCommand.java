package dev.graft.nlp.pretrain;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.nlp.Text;
import dev.graft.nlp.data.NlpData;
import dev.graft.nlp.embed.WordVectors;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.token.Normalization;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.sdk.cli.EnvironmentCommand;
import dev.graft.sdk.cli.PretrainOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graft pretrain text}: trains a text recipe on labelled texts and stores it in the model
 * store as a source model for the {@code model-store} loader.
 *
 * <pre>
 * graft pretrain text --reader fortune --data /usr/share/games/fortunes \
 *     --option categories=computers,politics,science --name fortunes-3
 * graft pretrain text --shipped --option categories=computers,linux --recipe text-cnn --name tech
 * graft pretrain text --reader text-csv --data reviews.csv --vectors vectors.txt --name reviews
 * graft pretrain text --fortune-sources
 * </pre>
 */
@Extension
public final class PretrainTextCommand extends EnvironmentCommand {

  /** Creates the command with the process environment. */
  public PretrainTextCommand() {
    this(System.getenv());
  }

  /**
   * Creates the command with a given environment (tests).
   *
   * @param env the environment ({@code GRAFT_MODEL_STORE})
   */
  public PretrainTextCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public String id() {
    return "pretrain-text";
  }

  @Override
  public String description() {
    return "Train a text recipe (text-cnn, embedding-bag) on labelled texts, optionally from word"
        + " vectors, and store it in the model store as a source model.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TEXT), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("pretrain", "text");
  }

  @Override
  protected Object options(PrintWriter out, Map<String, String> env) {
    return new Options(out, env);
  }

  static final class DataChoice {
    @Option(
        names = "--data",
        paramLabel = "PATH",
        description = "a file or folder read with --reader")
    Path data;

    @Option(
        names = "--shipped",
        description =
            "the fortune files shipped in the plugin (15 categories; pick with --option"
                + " categories=...)")
    boolean shipped;

    @Option(
        names = "--fortune-sources",
        description =
            "make the fortune topic-transfer scenario's sources (skip-gram vectors and"
                + " fortunes-cnn, fortunes-cnn-sgns, fortunes-cnn-sgns-static, fortunes-bag-sgns), skipping those already in"
                + " the store")
    boolean fortuneSources;
  }

  @Command(
      name = "text",
      mixinStandardHelpOptions = true,
      description = {
        "Trains a text recipe on labelled texts (word tokeniser, vocabulary from the training texts"
            + " or the word vectors, Adam, stratified validation split with early stopping) and"
            + " stores it as <store>/<name>/ (SavedModel + graft-model.json with the text input"
            + " spec) for the model-store source loader."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;
    private final Map<String, String> env;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataChoice source;

    @Option(
        names = "--reader",
        defaultValue = "text-csv",
        paramLabel = "ID",
        description = "text-csv, text-jsonl, text-folder or fortune (default: ${DEFAULT-VALUE})")
    String reader;

    @Option(
        names = "--option",
        paramLabel = "KEY=VALUE",
        description = "a reader option, repeatable, e.g. --option label-column=topic")
    Map<String, String> readerOptions = new LinkedHashMap<>();

    @Option(names = "--skip-bad", description = "skip bad records (reported) instead of failing")
    boolean skipBad;

    @Option(
        names = "--recipe",
        defaultValue = "text-cnn",
        paramLabel = "ID",
        description = "text-cnn or embedding-bag (default: ${DEFAULT-VALUE})")
    String recipe;

    @Option(
        names = "--vectors",
        paramLabel = "FILE",
        description = "word vectors (word2vec/GloVe text format) that initialise the embedding")
    Path vectors;

    @Option(names = "--freeze-embedding", description = "keep the --vectors embedding fixed")
    boolean freeze;

    @Option(
        names = "--max-length",
        defaultValue = "64",
        paramLabel = "N",
        description = "tokens per text (default: ${DEFAULT-VALUE})")
    int maxLength;

    @Option(
        names = "--max-vocabulary",
        defaultValue = "20000",
        paramLabel = "N",
        description = "most tokens in the vocabulary (default: ${DEFAULT-VALUE})")
    int maxVocabulary;

    @Option(
        names = "--min-frequency",
        defaultValue = "2",
        paramLabel = "N",
        description = "fewest occurrences of a vocabulary token (default: ${DEFAULT-VALUE})")
    int minFrequency;

    @Option(
        names = "--dimension",
        defaultValue = "64",
        paramLabel = "N",
        description = "embedding width without --vectors (default: ${DEFAULT-VALUE})")
    int dimension;

    @Option(
        names = "--normalization",
        defaultValue = "nfkc",
        paramLabel = "FORM",
        description = "none, nfc or nfkc (default: ${DEFAULT-VALUE})")
    String normalization;

    @Option(names = "--cased", description = "keep upper case (default: lower-case)")
    boolean cased;

    @Option(names = "--strip-accents", description = "remove accents (café to cafe)")
    boolean stripAccents;

    @Option(names = "--keep-punctuation", description = "punctuation and symbols become tokens")
    boolean keepPunctuation;

    @Option(
        names = "--name",
        paramLabel = "ID",
        description =
            "the model's folder name in the store, e.g. fortunes-topics (required unless"
                + " --fortune-sources)")
    String name;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(
        names = "--epochs",
        defaultValue = "20",
        paramLabel = "N",
        description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
        names = "--seed",
        defaultValue = "42",
        paramLabel = "S",
        description = "seed of split, weights and shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--patience",
        defaultValue = "3",
        paramLabel = "N",
        description = "early-stopping patience in epochs (default: ${DEFAULT-VALUE})")
    int patience;

    @Mixin PretrainOptions common;

    Options(PrintWriter out, Map<String, String> env) {
      this.out = out;
      this.env = env;
    }

    @Override
    public Integer call() throws Exception {
      Path where = common.store(env);
      if (source.fortuneSources) {
        Path scratch = Files.createTempDirectory("graft-fortunes");
        try {
          FortuneSources.ensure(where, scratch, common.device(), PretrainOptions.lines(out, ""));
        } finally {
          dev.graft.api.io.AtomicFiles.deleteTree(scratch);
        }
        return 0;
      }
      if (name == null) {
        throw new picocli.CommandLine.ParameterException(
            commandSpec.commandLine(), "Missing required option: '--name=ID'");
      }
      Dataset<Text> data = read();
      Normalization norm;
      try {
        norm = Normalization.parse(normalization);
      } catch (IllegalArgumentException e) {
        throw new dev.graft.api.error.ConfigException(
            "--normalization is '" + normalization + "'; use none, nfc or nfkc.");
      }
      WordTokenizer tokenizer = new WordTokenizer(!cased, norm, stripAccents, keepPunctuation);
      TextPretrainRequest request =
          new TextPretrainRequest(
              data,
              recipe,
              tokenizer,
              maxLength,
              maxVocabulary,
              minFrequency,
              dimension,
              vectors == null ? null : WordVectors.read(vectors),
              freeze,
              epochs,
              seed,
              name,
              where,
              common.validation(),
              patience,
              common.batchSize(),
              common.learningRate());
      out.printf(
          Locale.ROOT,
          "pretraining %s on %s (%d texts, %d classes, %d tokens per text%s) into %s%n",
          recipe,
          data.info().name(),
          data.size(),
          data.classLabels().numClasses(),
          maxLength,
          vectors == null ? "" : ", embedding from " + vectors + (freeze ? " (frozen)" : ""),
          request.target().toAbsolutePath().normalize());
      out.flush();
      TextPretrainResult r =
          new TextPretrainer(common.device(), PretrainOptions.lines(out, "  ")).run(request);
      out.printf(
          Locale.ROOT,
          "stored %s: vocabulary %d, %d epochs run (best %d), validation accuracy %s on %d texts,"
              + " %.1f s%n",
          r.model(),
          r.vocabularySize(),
          r.epochsRun(),
          r.bestEpoch(),
          PretrainOptions.accuracy(r.validationAccuracy()),
          r.validationExamples(),
          r.seconds());
      out.println("classes: " + String.join(", ", r.classes()));
      out.println("use it in a job as source 'store:" + name + "'");
      return 0;
    }

    @SuppressWarnings("unchecked")
    private Dataset<Text> read() throws java.io.IOException {
      ReadOptions options =
          new ReadOptions(skipBad ? BadInputPolicy.SKIP : BadInputPolicy.FAIL, 0, readerOptions);
      ReadResult<?> result;
      if (source.shipped) {
        Path tmp = Files.createTempDirectory("graft-fortunes");
        try {
          NlpData.copyFortunes(tmp);
          result = new FortuneReader().read(tmp, options);
        } finally {
          try (var s = Files.list(tmp)) {
            for (Path p : s.toList()) {
              Files.deleteIfExists(p);
            }
          }
          Files.deleteIfExists(tmp);
        }
      } else {
        result = TextReaderIds.reader(reader).read(source.data, options);
      }
      result.skipped().forEach(s -> out.println("skipped " + s.location() + ": " + s.reason()));
      return (Dataset<Text>) result.dataset();
    }
  }
}
