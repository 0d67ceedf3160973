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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code kmm}: instance weighting by kernel mean matching ({@link KernelMeanMatching}). The
 * labelled source examples are weighted so that their weighted feature distribution matches the
 * target's (labelled and unlabelled target examples), then a softmax head is trained on the
 * weighted source examples together with the labelled target examples (weight 1), through the
 * weighted loss.
 *
 * <p>Options: {@code bound} (B, the largest weight, default 10), {@code epsilon} (the slack of the
 * weights' mean around 1, default B / sqrt(n_s)), {@code gamma} (the RBF width, {@code auto} = 1 /
 * median squared distance), {@code max-source} (4000: larger source sets are subsampled, seeded,
 * since the kernel matrix grows with the square of their size), {@code lr} (0.01), {@code
 * batch-size} (32), {@code patience} (5).
 */
public final class KmmStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "kmm";

  private static final Set<String> OPTIONS =
      HeadSettings.options("bound", "epsilon", "gamma", "max-source");

  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param device where heads train
   */
  @Inject
  public KmmStrategy(DeviceConfig device) {
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Kernel mean matching weights for the source data, then a weighted head on source +"
        + " target.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION),
        EnumSet.of(Requirement.FEATURES, Requirement.SOURCE_DATA, Requirement.TARGET_LABELS));
  }

  @Override
  public TransferResult transfer(TransferContext context) {
    StrategyOptions options = StrategyOptions.of(ID, context.options(), OPTIONS);
    HeadSettings settings = HeadSettings.from(options, 1e-2, context.budget().maxEpochs());
    double bound = options.number("bound", 10, 1, 1e6, false);
    String gammaText = options.raw("gamma").orElse("auto");
    Deadline deadline = Deadline.start(context.budget());
    List<String> names = Runs.classNames(context);
    int maxSource = options.integer("max-source", 4000, 10, 50000);
    SourceData all = SourceData.of(context.source(), names, ID);
    SourceData source = all.sample(maxSource, Runs.derive(context.seed(), 7));
    double epsilon =
        options.number("epsilon", bound / Math.sqrt(source.features().rows()), 0, 1e6, false);
    HeadTraining.Examples labelled = FeatureExamples.labelled(context.source(), context.train());
    FeatureRows target = labelled.x();
    if (context.unlabelledTarget().isPresent() && context.unlabelledTarget().get().size() > 0) {
      target = FeatureRows.concat(target, FeatureTask.pool(context, ID));
    }
    double gamma =
        gammaText.equalsIgnoreCase("auto")
            ? KernelMeanMatching.medianGamma(source.features(), target)
            : options.number("gamma", 1, 0, 1e12, true);
    KernelMeanMatching.Result kmm =
        KernelMeanMatching.solve(source.features(), target, gamma, bound, epsilon);
    double[] beta = kmm.weights();
    float[] weights = new float[beta.length + labelled.x().rows()];
    for (int i = 0; i < beta.length; i++) {
      weights[i] = (float) beta[i];
    }
    Arrays.fill(weights, beta.length, weights.length, 1f);
    HeadTraining.Examples train =
        new HeadTraining.Examples(
            FeatureRows.concat(source.features(), labelled.x()),
            FeatureRows.concat(source.labels(), labelled.labels()),
            weights);
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
    if (source.features().rows() < all.features().rows()) {
      notes.add(
          "source data subsampled from "
              + all.features().rows()
              + " to "
              + source.features().rows()
              + " examples (option max-source): the kernel matrix grows with its square");
    }
    notes.add(describe(kmm, bound, epsilon, target.rows()));
    notes.add(
        trained
            .outcome()
            .describe(
                "weighted head on "
                    + beta.length
                    + " source + "
                    + labelled.x().rows()
                    + " target examples"));
    return FeatureTask.result(ID, context, device, trained.head(), names, notes);
  }

  static String describe(
      KernelMeanMatching.Result kmm, double bound, double epsilon, int targetRows) {
    double[] b = kmm.weights();
    double sum = 0;
    double squares = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    int small = 0;
    for (double v : b) {
      sum += v;
      squares += v * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      small += v < 0.1 ? 1 : 0;
    }
    return String.format(
        Locale.ROOT,
        "KMM weights of %d source examples against %d target examples: mean %.3f, min %.3f, max"
            + " %.3f, %d below 0.1, effective sample size %.1f (B %s, epsilon %.3f, gamma %.4g, %d"
            + " iterations)",
        b.length,
        targetRows,
        sum / b.length,
        min,
        max,
        small,
        squares > 0 ? sum * sum / squares : 0,
        bound,
        epsilon,
        kmm.gamma(),
        kmm.iterations());
  }
}
