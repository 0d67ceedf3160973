package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
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
import dev.graft.tensorflow.nn.NetworkSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code source-only}: the source model as it is, predicting the target's classes with its own
 * classifier (restricted to the source labels that name the target's classes); nothing is trained.
 * It is the baseline of unsupervised domain adaptation ({@code labels-per-class: 0}), where there
 * are no target labels to train a scratch model on, and it needs none itself. The source must be a
 * Graft model trained on (a superset of) the target's classes, matched by name.
 *
 * <p>No options.
 */
public final class SourceOnlyStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "source-only";

  private final InputEncoders encoders;
  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param encoders the installed input encoders
   * @param device where the network runs
   */
  @Inject
  public SourceOnlyStrategy(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Source only: the source model's own classifier on the target, nothing trained (the"
        + " baseline when the target has no labels).";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.TRAINABLE_SOURCE));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions.of(ID, context.options(), Set.of());
    SourceNetwork source = SourceNetwork.load(context.source(), encoders, ID);
    List<String> names = Runs.classNames(context);
    SourceClassifier classifier =
        SourceClassifier.match(source, context.source().descriptor().id(), names, ID);
    NetworkSpec spec = source.network().network().withDenseHead(SourceNetwork.HEAD, names.size());
    GraphModel network =
        Runs.network(spec, FineTuning.all(), 1e-3, Runs.derive(context.seed(), 1), device);
    try {
      classifier.load(source, network);
      List<String> notes = new ArrayList<>();
      notes.add(classifier.describe(source) + "; nothing trained");
      Provenance provenance = Runs.provenance(ID, context, device, notes);
      NetworkModel model =
          new NetworkModel(network, source.encoder(), source.inputSpec(), names, provenance);
      network = null;
      return Runs.result(ID, context, model, notes, provenance);
    } finally {
      if (network != null) {
        network.close();
      }
    }
  }
}
