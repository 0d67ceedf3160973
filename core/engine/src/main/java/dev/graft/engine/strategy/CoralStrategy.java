package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
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
import java.util.Locale;
import java.util.Set;

/**
 * {@code coral}: CORAL feature alignment for an unlabelled (or mostly unlabelled) target. The
 * labelled source data's features are aligned to the second-order statistics of the target's
 * features ({@link CoralAlignment}); a softmax head is trained on the aligned source features plus
 * the labelled target examples if any, and applied to the target's own features.
 *
 * <p>Options: {@code lambda} (the covariance regulariser, default 1 as in the paper), {@code lr}
 * (0.01), {@code batch-size} (32), {@code patience} (5).
 */
public final class CoralStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "coral";

  private static final Set<String> OPTIONS = HeadSettings.options("lambda");

  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param device where heads train
   */
  @Inject
  public CoralStrategy(DeviceConfig device) {
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CORAL: source-data features re-coloured with the target's covariance, then a head.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION),
        EnumSet.of(Requirement.FEATURES, Requirement.SOURCE_DATA, Requirement.UNLABELLED_TARGET));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-2, context.budget().maxEpochs());
    double lambda = options.number("lambda", 1.0, 0, 1e6, true);
    Deadline deadline = Deadline.start(context.budget());
    List<String> names =
        FeatureTask.classNames(
            context, SourceData.require(context.source(), ID).classLabels().names());
    SourceData source = SourceData.of(context.source(), names, ID);
    HeadTraining.Examples labelled = FeatureTask.labelled(context);
    FeatureRows target = FeatureTask.pool(context, ID);
    if (labelled != null) {
      target = FeatureRows.concat(target, labelled.x());
    }
    FeatureRows aligned = CoralAlignment.align(source.features(), target, lambda);
    HeadTraining.Examples train = new HeadTraining.Examples(aligned, source.labels(), null);
    if (labelled != null) {
      train =
          new HeadTraining.Examples(
              FeatureRows.concat(aligned, labelled.x()),
              FeatureRows.concat(source.labels(), labelled.labels()),
              null);
    }
    HeadTraining.Trained trained =
        HeadTraining.train(
            train,
            FeatureExamples.validation(context),
            names.size(),
            settings,
            context.seed(),
            device,
            deadline);
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "aligned %d source examples to %d target examples (lambda %s)%s",
            source.features().rows(),
            target.rows(),
            lambda,
            source.dropped() > 0
                ? ", " + source.dropped() + " source examples of other classes left out"
                : ""));
    notes.add(
        trained
            .outcome()
            .describe(
                "head on aligned source features"
                    + (labelled == null
                        ? ""
                        : " + " + labelled.x().rows() + " labelled target examples")));
    return FeatureTask.result(ID, context, device, trained.head(), names, notes);
  }
}
