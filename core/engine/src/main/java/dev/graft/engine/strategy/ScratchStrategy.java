package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code scratch}: the baseline every report compares against. The source's architecture with a new
 * head for the target's classes, randomly initialised from the seed and trained on the target's
 * labelled examples only (with the modality's seeded augmentation), early-stopped on the validation
 * split when there is one.
 *
 * <p>Options: {@code lr} (Adam rate, default 0.001), {@code batch-size} (32), {@code patience} (5),
 * {@code augment} (true).
 */
public final class ScratchStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "scratch";

  private static final Set<String> OPTIONS = HeadSettings.options("augment");

  private final InputEncoders encoders;
  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param encoders the installed input encoders
   * @param device where networks train
   */
  @Inject
  public ScratchStrategy(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Baseline: the source's architecture, randomly initialised and trained on the target"
        + " only.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION),
        EnumSet.of(Requirement.TRAINABLE_SOURCE, Requirement.TARGET_LABELS));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-3, context.budget().maxEpochs());
    boolean augment = options.bool("augment", true);
    Deadline deadline = Deadline.start(context.budget());
    NetworkTraining run =
        NetworkTraining.start(ID, context, encoders, device, settings, augment, deadline);
    GraphModel network = run.network(FineTuning.all(), settings.learningRate(), 1);
    return run.trainAndWrap(
        network,
        n -> {},
        settings.epochs(),
        2,
        new ArrayList<>(),
        fit -> fit.describe("scratch training"));
  }
}
