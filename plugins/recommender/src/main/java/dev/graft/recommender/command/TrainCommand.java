package dev.graft.recommender.command;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.data.RecommenderData;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModels;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.read.InteractionsCsvReader;
import dev.graft.recommender.read.MovieLens100kReader;
import dev.graft.recommender.read.MovieLensRatingsReader;
import dev.graft.recommender.transfer.ModelOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code graft recommender train --reader ID --data FILE --out DIR [--reader-options k=v,...]
 * [--seed N] [--objective ...] [--dimension ...] [--epochs ...] [--learning-rate ...]}: trains a
 * recommender model on a source domain's interactions (read with one of this plugin's readers, all
 * interactions, no holdout) and writes it as a {@code recommender-model} source folder.
 */
@Extension
public final class TrainCommand implements PluginCommand {

  private static final List<String> OPTIONS =
      List.of(
          "reader",
          "data",
          "out",
          "reader-options",
          "seed",
          "objective",
          "dimension",
          "epochs",
          "batch-size",
          "learning-rate",
          "l2",
          "negatives");

  @Override
  public String id() {
    return "recommender-train";
  }

  @Override
  public String description() {
    return "Trains a recommender model on a ratings or interactions file into a source folder.";
  }

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("recommender", "train");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    String command = "recommender train";
    Args a = new Args(args, OPTIONS, command);
    DatasetReader reader = reader(a.require("reader", command));
    Path data = Path.of(a.require("data", command));
    Path dir = Path.of(a.require("out", command));
    Map<String, String> readerOptions = new LinkedHashMap<>();
    for (String kv : a.get("reader-options", "").split(",")) {
      if (kv.isBlank()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            "graft " + command + ": --reader-options entry '" + kv + "' is not key=value.");
      }
      readerOptions.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    Dataset<?> read =
        reader.read(data, new ReadOptions(BadInputPolicy.FAIL, 0, readerOptions)).dataset();
    Interactions interactions = RecommenderData.interactions(List.of(read));
    Map<String, String> modelOptions = new LinkedHashMap<>(a.prefixed(""));
    List.of("reader", "data", "out", "reader-options", "seed").forEach(modelOptions::remove);
    long seed = Long.parseLong(a.get("seed", "1"));
    FactorConfig cfg =
        ModelOptions.parse(
            modelOptions,
            List.of(),
            interactions.catalog(),
            new TrainingBudget(100_000, Duration.ofDays(1)),
            seed,
            "graft " + command);
    FactorTrainer.Trained t = FactorTrainer.train(interactions, cfg, null);
    try {
      Path parent = dir.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path staged = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
      FactorModels.write(
          t.model(),
          staged,
          Provenance.builder("recommender-train")
              .put("reader", reader.id())
              .put("data", data.toString())
              .put("data.digest", read.info().digest())
              .put("seed", seed)
              .put("objective", cfg.objective().name())
              .put("epochs", cfg.epochs())
              .build());
      AtomicFiles.replaceDirectory(staged, dir);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write the model to " + dir + ": " + e.getMessage(),
          e);
    }
    out.printf(
        "trained %s (d=%d, %d epochs) on %d interactions of %d users and %d items (%.0f"
            + " interactions/s); wrote %s%n",
        cfg.objective(),
        cfg.dimension(),
        cfg.epochs(),
        interactions.size(),
        interactions.numUsers(),
        interactions.numItems(),
        t.report().interactionsPerSecond(),
        dir);
    out.flush();
    return 0;
  }

  private static DatasetReader reader(String id) {
    return switch (id) {
      case MovieLensRatingsReader.ID -> new MovieLensRatingsReader();
      case MovieLens100kReader.ID -> new MovieLens100kReader();
      case InteractionsCsvReader.ID -> new InteractionsCsvReader();
      default ->
          throw new ConfigException(
              "graft recommender train: --reader '"
                  + id
                  + "' is not one of "
                  + List.of(
                      MovieLensRatingsReader.ID, MovieLens100kReader.ID, InteractionsCsvReader.ID)
                  + ".");
    };
  }
}
