package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code self-training}: a softmax head on the source's features is trained on the labelled target
 * examples, then, for each round, the current head labels the unlabelled pool, the confident and
 * class-balanced pseudo-labels ({@link PseudoLabels}) are added to the labelled examples and a new
 * head is trained on both. Pseudo-labels are chosen afresh each round by the latest head.
 *
 * <p>Options: {@code threshold} (the confidence a pseudo-label needs, default 0.9), {@code rounds}
 * (3; 0 gives the supervised head alone), {@code lr} (0.01), {@code batch-size} (32), {@code
 * patience} (5).
 */
public final class SelfTrainingStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "self-training";

  private static final Set<String> OPTIONS = HeadSettings.options("threshold", "rounds");

  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param device where heads train
   */
  @Inject
  public SelfTrainingStrategy(DeviceConfig device) {
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Self-training: confident, class-balanced pseudo-labels on the unlabelled target,"
        + " iterated.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION),
        EnumSet.of(Requirement.FEATURES, Requirement.TARGET_LABELS, Requirement.UNLABELLED_TARGET));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-2, context.budget().maxEpochs());
    double threshold = options.number("threshold", 0.9, 0, 1, true);
    int rounds = options.integer("rounds", 3, 0, 100);
    Deadline deadline = Deadline.start(context.budget());
    HeadTraining.Examples labelled = FeatureTask.labelled(context);
    if (labelled == null) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "strategy '" + ID + "' needs labelled target examples; the training split has none.");
    }
    List<String> names = Runs.classNames(context);
    FeatureRows pool = FeatureTask.pool(context, ID);
    HeadTraining.Examples validation = FeatureExamples.validation(context);
    List<String> notes = new ArrayList<>();
    HeadTraining.Trained current =
        HeadTraining.train(
            labelled, validation, names.size(), settings, context.seed(), device, deadline);
    notes.add(current.outcome().describe("round 0, labelled examples only"));
    try {
      for (int round = 1; round <= rounds; round++) {
        if (deadline.passed()) {
          notes.add("stopped before round " + round + ": time budget spent");
          break;
        }
        ProbabilityMatrix p =
            BatchedInference.probabilities(current.head(), pool.values(), pool.rows());
        PseudoLabels pseudo = PseudoLabels.select(p, threshold);
        notes.add(pseudo.describe(round));
        if (pseudo.rows().length == 0) {
          notes.add("no pool example reached confidence " + threshold + "; stopped");
          break;
        }
        HeadTraining.Examples train =
            new HeadTraining.Examples(
                FeatureRows.concat(labelled.x(), pool.select(pseudo.rows())),
                FeatureRows.concat(labelled.labels(), pseudo.labels()),
                null);
        HeadTraining.Trained next =
            HeadTraining.train(
                train, validation, names.size(), settings, context.seed(), device, deadline);
        current.head().close();
        current = next;
      }
    } catch (RuntimeException e) {
      current.head().close();
      throw e;
    }
    return FeatureTask.result(ID, context, device, current.head(), names, notes);
  }
}
