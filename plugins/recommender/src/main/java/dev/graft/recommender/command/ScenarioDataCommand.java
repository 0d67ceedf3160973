package dev.graft.recommender.command;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.provenance.Provenance;
import dev.graft.recommender.RecommenderPlugin;
import dev.graft.recommender.data.Interactions;
import dev.graft.recommender.model.FactorConfig;
import dev.graft.recommender.model.FactorModels;
import dev.graft.recommender.model.FactorTrainer;
import dev.graft.recommender.model.Objective;
import dev.graft.recommender.synth.CrossDomainConfig;
import dev.graft.recommender.synth.CrossDomainData;
import dev.graft.recommender.synth.CrossDomainGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code graft recommender scenario-data --out DIR [--seed N] [--overlap 0.6] [--epochs 40]}:
 * writes the cold-start scenario as files a job can read — {@code target.csv} and {@code
 * source.csv} (interactions-csv: {@code user,item,timestamp}, implicit), the source model trained
 * on the source domain in {@code sources/source-domain/}, and {@code cross-domain-cold-start.yaml},
 * the job that compares {@code emcdr} with {@code target-only}.
 */
@Extension
public final class ScenarioDataCommand implements PluginCommand {

  private static final List<String> OPTIONS =
      List.of("out", "seed", "overlap", "epochs", "target-users");

  @Override
  public String id() {
    return "recommender-scenario-data";
  }

  @Override
  public String description() {
    return "Writes the cross-domain cold-start scenario: target and source interactions, a source"
        + " model and a job file.";
  }

  @Override
  public Capabilities capabilities() {
    return RecommenderPlugin.capabilities(Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("recommender", "scenario-data");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    Args a = new Args(args, OPTIONS, "recommender scenario-data");
    Path dir = Path.of(a.require("out", "recommender scenario-data"));
    long seed = Long.parseLong(a.get("seed", "1"));
    double overlap = Double.parseDouble(a.get("overlap", "0.6"));
    int epochs = Integer.parseInt(a.get("epochs", "40"));
    int targetUsers = Integer.parseInt(a.get("target-users", "1500"));
    CrossDomainData d =
        CrossDomainGenerator.generate(
            CrossDomainConfig.coldStartScenario(seed)
                .withOverlap(overlap)
                .withTargetUsers(targetUsers));
    try {
      Files.createDirectories(dir.resolve("sources"));
      write(d.target(), dir.resolve("target.csv"));
      write(d.source(), dir.resolve("source.csv"));
      FactorConfig cfg =
          FactorConfig.twoTower(32, Objective.BPR, seed).withEpochs(epochs).withBatch(256, 4.0);
      FactorTrainer.Trained t = FactorTrainer.train(d.source(), cfg, null);
      Path model = dir.resolve("sources/source-domain");
      if (Files.exists(model)) {
        dev.graft.api.io.AtomicFiles.deleteTree(model);
      }
      Files.createDirectories(model);
      FactorModels.write(
          t.model(),
          model,
          Provenance.builder("recommender-source")
              .put("data", "CrossDomainGenerator.coldStartScenario")
              .put("seed", seed)
              .put("overlap", overlap)
              .put("epochs", epochs)
              .build());
      Files.writeString(
          dir.resolve("cross-domain-cold-start.yaml"), job(seed), StandardCharsets.UTF_8);
      out.printf(
          "wrote %s: target %d interactions of %d users, source %d interactions of %d users,"
              + " source model (%d epochs, %.0f interactions/s), cross-domain-cold-start.yaml%n",
          dir,
          d.target().size(),
          d.target().numUsers(),
          d.source().size(),
          d.source().numUsers(),
          epochs,
          t.report().interactionsPerSecond());
      out.flush();
      return 0;
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "cannot write the scenario to " + dir + ": " + e.getMessage(),
          e);
    }
  }

  static void write(Interactions data, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("user,item,timestamp\n");
      for (int r = 0; r < data.size(); r++) {
        w.write(data.userIds().get(data.user(r)));
        w.write(',');
        w.write(data.catalog().itemIds().get(data.item(r)));
        w.write(',');
        w.write(Long.toString(data.timestamp(r)));
        w.write('\n');
      }
    }
  }

  static String job(long seed) {
    return """
        # Cross-domain cold-start scenario (docs/recommender.md): the target's users, 60%% of whom are
        # also source users, a third of them cold (1-3 training interactions). Held out: each
        # user's last interaction. Written by: graft recommender scenario-data --out DIR
        name: cross-domain-cold-start
        seed: %d
        target:
          reader: interactions-csv
          path: target.csv
          options: {timestamp-column: timestamp, holdout: last}
          test-fraction: 0.3
        sources:
          - loader: recommender-model
            location: sources
        # the plugin's estimator for ranking targets: source user features -> held-out items
        estimators: [ranking-probe]
        strategies:
          - id: emcdr
            options: {mode: regularise, prior-weight: 0.3, epochs: 160}
          - id: target-only
            options: {epochs: 160}
        evaluation: {protocol: holdout, seeds: 5, task: ranking, evaluator: ranking-by-activity, baseline: target-only, metric: ndcg@10/cold}
        budget: {epochs: 160, time: 30m}
        output: runs/cross-domain-cold-start
        """
        .formatted(seed);
  }
}
