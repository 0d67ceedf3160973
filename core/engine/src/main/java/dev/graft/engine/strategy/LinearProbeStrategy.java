package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.provenance.Provenance;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.source.InputEncoders;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.train.ArrayDataset;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code linear-probe}: the source's features stay frozen; only a new head (softmax for classes,
 * linear for real-valued targets) is trained on the target's labelled examples. For a Graft-model
 * source the whole network is rebuilt with its backbone frozen, so the result exports as one
 * SavedModel ({@link NetworkModel}); for a frozen foreign source the head is trained on {@code
 * source.features()} ({@link FeatureHeadModel}).
 *
 * <p>Options: {@code lr} (Adam rate, default 0.01), {@code batch-size} (32), {@code patience} (5),
 * {@code augment} (false; applies to Graft-model sources).
 */
public final class LinearProbeStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "linear-probe";

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
  public LinearProbeStrategy(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Frozen source features with a new softmax head trained on the target.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION),
        EnumSet.of(Requirement.FEATURES, Requirement.TARGET_LABELS));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-2, context.budget().maxEpochs());
    boolean augment = options.bool("augment", false);
    Deadline deadline = Deadline.start(context.budget());
    if (context.source().modelDirectory().isPresent()) {
      return probeNetwork(context, settings, augment, deadline);
    }
    return probeFeatures(context, settings, deadline);
  }

  private TransferResult probeNetwork(
      TransferContext context, HeadSettings settings, boolean augment, Deadline deadline) {
    NetworkTraining run =
        NetworkTraining.start(ID, context, encoders, device, settings, augment, deadline);
    GraphModel network = run.network(FineTuning.onlyHead(), settings.learningRate(), 1);
    return run.trainAndWrap(
        network,
        run::transferBackbone,
        settings.epochs(),
        2,
        new ArrayList<>(),
        fit -> fit.describe("head on the frozen backbone"));
  }

  private TransferResult probeFeatures(
      TransferContext context, HeadSettings settings, Deadline deadline) {
    TargetTask task = TargetTask.of(context.train());
    FeatureRows x = FeatureRows.of(context.source().features(context.train()));
    ArrayDataset train =
        ArrayDataset.ofTargets(x.values(), x.dim(), task.targets(context.train()), task.outputs());
    ArrayDataset validation = null;
    if (context.validation().isPresent() && context.validation().get().targets().isPresent()) {
      Dataset<?> v = context.validation().get();
      FeatureRows vx = FeatureRows.of(context.source().features(v));
      validation = ArrayDataset.ofTargets(vx.values(), vx.dim(), task.targets(v), task.outputs());
    }
    HeadTraining.Trained trained =
        HeadTraining.trainOn(
            train,
            validation,
            x.dim(),
            task.loss(),
            task.outputs(),
            settings,
            context.seed(),
            device,
            deadline);
    try {
      List<String> notes = new ArrayList<>();
      notes.add(trained.outcome().describe("head on frozen source features"));
      Provenance provenance = Runs.provenance(ID, context, device, notes);
      FeatureHeadModel model =
          new FeatureHeadModel(context.source(), trained.head(), task.classNames(), provenance);
      return Runs.result(ID, context, model, notes, provenance);
    } catch (RuntimeException e) {
      trained.head().close();
      throw e;
    }
  }
}
