package dev.graft.engine.strategy;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.tensorflow.nn.FineTuning;
import dev.graft.tensorflow.nn.GraphModel;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code tradaboost}: TrAdaBoost (Dai, Yang, Xue and Yu, "Boosting for Transfer Learning", ICML
 * 2007) with softmax heads on the source's features as weak learners. Each of the N rounds trains a
 * head on the labelled source and target examples under the current weights (the weighted loss),
 * measures its weighted error {@code e_t} on the target examples, and re-weights: a misclassified
 * source example is multiplied by {@code beta = 1 / (1 + sqrt(2 ln n_s / N))}, a misclassified
 * target example by {@code beta_t^-1} with {@code beta_t = e_t / (1 - e_t)} ({@code e_t} is kept in
 * [0.001, 0.499] as the algorithm requires e_t &lt; 1/2).
 *
 * <p>The final model is the vote of the heads of rounds ceil(N/2)..N weighted by {@code ln(1 /
 * beta_t)}, as in the paper. Over K classes the vote is cast with the heads' log-probabilities,
 * {@code argmax_c sum_t ln(1/beta_t) log p_t(c|x)}, which for two classes and hard heads is the
 * paper's rule; since {@code log p_t} is the head's logits up to a per-example constant, the vote
 * is itself one linear head (weights and biases averaged with the normalised vote weights) and
 * exports as one model.
 *
 * <p>Options: {@code rounds} (N, default 10), {@code lr} (0.01), {@code batch-size} (32), {@code
 * patience} (5). Each round's head trains for the budget's epochs; the time budget is shared.
 */
public final class TrAdaBoostStrategy implements TransferStrategy {

  /** The extension id. */
  public static final String ID = "tradaboost";

  private static final Set<String> OPTIONS = HeadSettings.options("rounds");

  private final DeviceConfig device;

  /**
   * Creates the strategy.
   *
   * @param device where heads train
   */
  @Inject
  public TrAdaBoostStrategy(DeviceConfig device) {
    this.device = device;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "TrAdaBoost: boosting that down-weights misleading source examples, weighted vote of"
        + " heads.";
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
    int rounds = options.integer("rounds", 10, 2, 200);
    Deadline deadline = Deadline.start(context.budget());
    List<String> names = Runs.classNames(context);
    SourceData source = SourceData.of(context.source(), names, ID);
    HeadTraining.Examples target = FeatureExamples.labelled(context.source(), context.train());
    int ns = source.features().rows();
    int nt = target.x().rows();
    FeatureRows x = FeatureRows.concat(source.features(), target.x());
    int[] y = FeatureRows.concat(source.labels(), target.labels());
    double[] w = new double[ns + nt];
    java.util.Arrays.fill(w, 1.0);
    double beta = 1 / (1 + Math.sqrt(2 * Math.log(ns) / rounds));
    int firstVoter = (rounds + 1) / 2; // ceil(N/2), 1-based
    Map<String, float[]> vote = new LinkedHashMap<>();
    double voteWeight = 0;
    List<String> notes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int done = 0;
    Map<String, float[]> last = Map.of();
    for (int t = 1; t <= rounds; t++) {
      if (t > 1 && deadline.passed()) {
        notes.add("stopped after round " + done + " of " + rounds + ": time budget spent");
        break;
      }
      HeadTraining.Examples weighted = new HeadTraining.Examples(x, y, normalised(w));
      HeadTraining.Trained round =
          HeadTraining.train(
              weighted,
              null,
              names.size(),
              settings,
              Runs.derive(context.seed(), 100 + t),
              device,
              deadline);
      int[] predicted;
      Map<String, float[]> weights;
      try (GraphModel head = round.head()) {
        predicted = BatchedInference.probabilities(head, x.values(), x.rows()).argmax().values();
        weights = head.readWeights();
      }
      last = weights;
      double wrong = 0;
      double total = 0;
      for (int i = ns; i < ns + nt; i++) {
        total += w[i];
        wrong += predicted[i] != y[i] ? w[i] : 0;
      }
      double error = Math.min(0.499, Math.max(0.001, wrong / total));
      double betaT = error / (1 - error);
      errors.add(String.format(Locale.ROOT, "%.3f", wrong / total));
      for (int i = 0; i < ns + nt; i++) {
        if (predicted[i] != y[i]) {
          w[i] *= i < ns ? beta : 1 / betaT;
        }
      }
      if (t >= firstVoter) {
        double alpha = Math.log(1 / betaT);
        accumulate(vote, weights, alpha);
        voteWeight += alpha;
      }
      done = t;
    }
    if (vote.isEmpty()) {
      notes.add("the time budget ended before the voting half; the last round's head is the model");
      accumulate(vote, last, 1);
      voteWeight = 1;
    }
    double sourceShare = 0;
    double all = 0;
    for (int i = 0; i < ns + nt; i++) {
      all += w[i];
      sourceShare += i < ns ? w[i] : 0;
    }
    notes.add("target error per round " + errors);
    notes.add(
        String.format(
            Locale.ROOT,
            "%d rounds, vote of rounds %d..%d, final source weight share %.3f of %d source + %d"
                + " target examples",
            done,
            firstVoter,
            done,
            sourceShare / all,
            ns,
            nt));
    for (float[] v : vote.values()) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) voteWeight;
      }
    }
    GraphModel merged =
        Runs.network(
            HeadTraining.spec(x.dim(), names.size()),
            FineTuning.all(),
            settings.learningRate(),
            Runs.derive(context.seed(), 1),
            device);
    try {
      merged.loadWeights(vote, layer -> true);
    } catch (RuntimeException e) {
      merged.close();
      throw e;
    }
    return FeatureTask.result(ID, context, device, merged, names, notes);
  }

  /** Weights scaled to mean 1 (the loss averages over the batch, so their scale sets the rate). */
  private static float[] normalised(double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = (float) (w[i] * w.length / sum);
    }
    return out;
  }

  private static void accumulate(
      Map<String, float[]> vote, Map<String, float[]> weights, double a) {
    for (Map.Entry<String, float[]> e : weights.entrySet()) {
      float[] sum = vote.computeIfAbsent(e.getKey(), k -> new float[e.getValue().length]);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += (float) (a * e.getValue()[i]);
      }
    }
  }
}
