package dev.graft.nlp.pretrain;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.nlp.embed.SkipGram;
import dev.graft.nlp.embed.UnlabelledCorpus;
import dev.graft.nlp.embed.WordVectors;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.token.WordTokenizer;
import dev.graft.sdk.cli.PicocliCommands;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft pretrain word-vectors}: trains skip-gram word vectors on unlabelled text (fortune
 * files, Debian's package documentation, plain text files) and writes them in the word2vec text
 * format, for {@code graft pretrain text --vectors}.
 *
 * <pre>
 * graft pretrain word-vectors --fortunes /usr/share/games/fortunes --debian-docs --out vectors.txt
 * </pre>
 */
@Extension
public final class PretrainWordVectorsCommand implements PluginCommand {

  /** Creates the command. */
  public PretrainWordVectorsCommand() {}

  @Override
  public String id() {
    return "pretrain-word-vectors";
  }

  @Override
  public String description() {
    return "Train skip-gram word vectors on unlabelled text (fortunes, Debian documentation, text"
        + " files) for initialising text recipes.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.TEXT), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("pretrain", "word-vectors");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    return PicocliCommands.execute(new Options(out), args, out, err);
  }

  @Command(
      name = "word-vectors",
      mixinStandardHelpOptions = true,
      description = {
        "Trains skip-gram word vectors with negative sampling on unlabelled text and writes them"
            + " in the word2vec text format (one 'token v1 v2 ...' line per word, most frequent"
            + " first)."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the vectors file")
    Path target;

    @Option(
        names = "--fortunes",
        paramLabel = "PATH",
        arity = "1..*",
        description = "fortune files or folders (every record, no labels)")
    List<Path> fortunes = new ArrayList<>();

    @Option(
        names = "--exclude-categories",
        paramLabel = "A,B",
        split = ",",
        description = "fortune categories to leave out (e.g. a target task's classes)")
    List<String> exclude = new ArrayList<>();

    @Option(
        names = "--debian-docs",
        description = "add /usr/share/doc/*/README* and copyright files")
    boolean debianDocs;

    @Option(
        names = "--docs-chars",
        defaultValue = "20000000",
        paramLabel = "N",
        description = "most characters taken from the documentation (default: ${DEFAULT-VALUE})")
    long docsChars;

    @Option(
        names = "--text",
        paramLabel = "FILE",
        arity = "1..*",
        description = "UTF-8 text files, split into paragraphs at blank lines")
    List<Path> texts = new ArrayList<>();

    @Option(
        names = "--dimension",
        defaultValue = "64",
        paramLabel = "N",
        description = "vector width (default: ${DEFAULT-VALUE})")
    int dimension;

    @Option(
        names = "--window",
        defaultValue = "5",
        paramLabel = "N",
        description = "largest context distance (default: ${DEFAULT-VALUE})")
    int window;

    @Option(
        names = "--negatives",
        defaultValue = "5",
        paramLabel = "N",
        description = "negative samples per positive (default: ${DEFAULT-VALUE})")
    int negatives;

    @Option(
        names = "--epochs",
        defaultValue = "5",
        paramLabel = "N",
        description = "passes over the corpus (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
        names = "--min-count",
        defaultValue = "3",
        paramLabel = "N",
        description = "fewest occurrences of a word (default: ${DEFAULT-VALUE})")
    int minCount;

    @Option(
        names = "--max-vocabulary",
        defaultValue = "30000",
        paramLabel = "N",
        description = "most words (default: ${DEFAULT-VALUE})")
    int maxVocabulary;

    @Option(
        names = "--seed",
        defaultValue = "42",
        paramLabel = "S",
        description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    Options(PrintWriter out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      if (fortunes.isEmpty() && !debianDocs && texts.isEmpty()) {
        throw new ConfigException(
            "no text given; use --fortunes PATH (e.g. "
                + FortuneReader.DEBIAN_FOLDER
                + "), --debian-docs and/or --text FILE.");
      }
      UnlabelledCorpus corpus = new UnlabelledCorpus();
      for (Path f : fortunes) {
        corpus.addFortunes(f, exclude);
      }
      if (debianDocs) {
        corpus.addDocumentation(UnlabelledCorpus.DEBIAN_DOCS, docsChars);
      }
      for (Path t : texts) {
        try {
          corpus.addTexts(Arrays.asList(Files.readString(t).split("\\n\\s*\\n")));
        } catch (IOException e) {
          throw new GraftException(
              GraftErrors.FILE_NOT_READABLE,
              "cannot read " + t + " as UTF-8 text: " + e + "; check the path and encoding.",
              e);
        }
      }
      corpus.sources().forEach(s -> out.println("corpus: " + s));
      out.printf(
          Locale.ROOT,
          "corpus: %d texts, %d characters, %d files (%d left out: unreadable or not UTF-8;"
              + " %d duplicate texts left out)%n",
          corpus.texts().size(),
          corpus.chars(),
          corpus.files(),
          corpus.skippedFiles(),
          corpus.duplicates());
      out.flush();
      SkipGram.Config config =
          new SkipGram.Config(
              dimension, window, negatives, epochs, 0.025, 1e-4, minCount, maxVocabulary, seed);
      WordVectors vectors =
          new SkipGram(
                  config,
                  line -> {
                    out.println("  " + line);
                    out.flush();
                  })
              .train(corpus.texts(), WordTokenizer.defaults());
      vectors.write(target);
      out.printf(
          Locale.ROOT,
          "wrote %d vectors of width %d to %s%n",
          vectors.size(),
          vectors.dimension(),
          target.toAbsolutePath().normalize());
      for (String probe : List.of("computer", "food", "love")) {
        if (vectors.contains(probe)) {
          out.println(
              "nearest to '" + probe + "': " + String.join(", ", vectors.nearest(probe, 8)));
        }
      }
      return 0;
    }
  }
}
