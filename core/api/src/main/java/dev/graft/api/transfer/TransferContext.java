package dev.graft.api.transfer;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.ConfigException;
import dev.graft.api.source.Source;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a strategy gets for one transfer.
 *
 * @param source the opened source (for {@code scratch}, the source whose architecture is reused)
 * @param train labelled target training data (may be empty of labels for unsupervised strategies)
 * @param validation labelled target validation data for early stopping and model selection
 * @param unlabelledTarget unlabelled target examples, if any
 * @param budget how much training is allowed
 * @param seed the seed every random choice derives from
 * @param options strategy-specific settings from the job spec
 * @param workDir a private folder for checkpoints and temporary files
 */
public record TransferContext(
    Source source,
    Dataset<?> train,
    Optional<Dataset<?>> validation,
    Optional<Dataset<?>> unlabelledTarget,
    TrainingBudget budget,
    long seed,
    Map<String, String> options,
    Path workDir) {

  /** Validates and freezes. */
  public TransferContext {
    ConfigException.require(source != null, "source", null, "an opened source");
    ConfigException.require(train != null, "train", null, "a target training set");
    ConfigException.require(budget != null, "budget", null, "a training budget");
    ConfigException.require(workDir != null, "workDir", null, "a folder");
    validation = validation == null ? Optional.empty() : validation;
    unlabelledTarget = unlabelledTarget == null ? Optional.empty() : unlabelledTarget;
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /**
   * A strategy option.
   *
   * @param key the option name
   * @return its value, if set
   */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }
}
