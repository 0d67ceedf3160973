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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code fine-tune}: a new head for the target's classes is first trained on the frozen backbone
 * (so that random head gradients do not wreck the pretrained features), then the top-k backbone
 * blocks (or all of them) are unfrozen and trained together with the head, the backbone at a lower
 * learning rate (discriminative rates), early-stopped on the validation split when there is one. A
 * block is a backbone layer with trainable parameters (dense, convolution, normalisation…).
 *
 * <p>Options: {@code lr} (Adam rate of the second phase, default 0.001), {@code head-lr} (rate of
 * the head phase, 0.01), {@code head-epochs} (3; 0 skips the head phase), {@code top-k} ({@code
 * all} or a positive number of blocks), {@code backbone-lr} (multiplier of the backbone's rate,
 * 0.1), {@code batch-size} (32), {@code patience} (5), {@code augment} (true).
 */
public final class FineTuneStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "fine-tune";

  private static final Set<String> OPTIONS =
      HeadSettings.options("head-lr", "head-epochs", "top-k", "backbone-lr", "augment");

  private final InputEncoders encoders;
  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param encoders the installed input encoders
   * @param device where networks train
   */
  @Inject
  public FineTuneStrategy(InputEncoders encoders, DeviceConfig device) {
    this.encoders = encoders;
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "New head first, then the top-k or all backbone layers at a lower learning rate.";
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
    int maxEpochs = context.budget().maxEpochs();
    HeadSettings settings = HeadSettings.from(options, 1e-3, maxEpochs);
    double headRate = options.number("head-lr", 1e-2, 0, 10, true);
    int headEpochs = Math.min(options.integer("head-epochs", 3, 0, 100000), maxEpochs - 1);
    int topK = options.integerOrAll("top-k", 1, 100000);
    double backboneRate = options.number("backbone-lr", 0.1, 0, 10, false);
    boolean augment = options.bool("augment", true);
    Deadline deadline = Deadline.start(context.budget());

    NetworkTraining run =
        NetworkTraining.start(ID, context, encoders, device, settings, augment, deadline);
    List<String> notes = new ArrayList<>();
    Map<String, float[]> start = null;
    int used = 0;
    if (headEpochs > 0) {
      try (GraphModel head = run.network(FineTuning.onlyHead(), headRate, 1)) {
        run.transferBackbone(head);
        Fitting.Outcome fit = run.fit(head, headEpochs, 2);
        notes.add(fit.describe("head phase (backbone frozen)"));
        used = fit.epochsRun();
        start = head.readWeights();
      }
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    for (String layer : run.spec().backboneLayers()) {
      rates.put(layer, backboneRate);
    }
    FineTuning unfrozen =
        (topK == 0
                ? FineTuning.all()
                : new FineTuning(List.of(SourceNetwork.HEAD), topK + 1, false, Map.of()))
            .withRateMultipliers(rates);
    GraphModel network = run.network(unfrozen, settings.learningRate(), 3);
    Map<String, float[]> headWeights = start;
    Set<String> trained = new TreeSet<>(network.trainableLayers());
    trained.remove(SourceNetwork.HEAD);
    return run.trainAndWrap(
        network,
        n -> {
          if (headWeights != null) {
            n.loadWeights(headWeights, layer -> true);
          } else {
            run.transferBackbone(n);
          }
        },
        Math.max(1, maxEpochs - used),
        4,
        notes,
        fit ->
            fit.describe(
                "fine-tune phase (top-k "
                    + (topK == 0 ? "all" : topK)
                    + ": "
                    + trained
                    + " at "
                    + backboneRate
                    + "x the rate)"));
  }
}
