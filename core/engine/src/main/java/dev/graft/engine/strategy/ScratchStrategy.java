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
import dev.graft.tensorflow.nn.NetworkSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
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

  private static final Set<String> OPTIONS = options();

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

  private static Set<String> options() {
    Set<String> s = new HashSet<>(HeadSettings.COMMON);
    s.add("augment");
    return Set.copyOf(s);
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
    SourceNetwork source = SourceNetwork.load(context.source(), encoders, ID);
    TargetData data = TargetData.encode(source, context, augment);
    NetworkSpec spec =
        source.network().network().withDenseHead(SourceNetwork.HEAD, data.task().outputs());
    GraphModel network =
        Runs.network(
            spec,
            data.task().loss(),
            FineTuning.all(),
            settings.learningRate(),
            Runs.derive(context.seed(), 1),
            device);
    try {
      Fitting.Outcome fit =
          Fitting.fit(
              network,
              data.train(),
              data.validation(),
              settings.epochs(),
              settings.batchSize(),
              settings.patience(),
              Runs.derive(context.seed(), 2),
              deadline);
      List<String> notes = new ArrayList<>();
      notes.add(fit.describe("scratch training"));
      var provenance = Runs.provenance(ID, context, device, notes);
      NetworkModel model =
          new NetworkModel(
              network, source.encoder(), source.inputSpec(), data.task().classNames(), provenance);
      network = null;
      return Runs.result(ID, context, model, notes, provenance);
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }
}
