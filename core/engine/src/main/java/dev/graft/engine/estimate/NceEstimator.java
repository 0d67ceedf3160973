package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.Map;

/**
 * NCE (Tran et al., ICCV 2019): the negative conditional entropy {@code -H(Y | Z)} of the target
 * labels given the source model's hard predictions {@code z}.
 *
 * <p>{@code NCE = Σ_z P(z) Σ_y P(y|z) log P(y|z)} from the empirical joint of {@code (y, z)} over
 * target classes {@code 0..max(y)}. As in the reference implementation a {@code 1e-20} is added to
 * each conditional probability inside the entropy, so empty cells contribute (almost) nothing. At
 * most 0; higher is better. When only source probabilities are given, hard labels are their argmax.
 */
public final class NceEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "nce";

  private static final double SMOOTHING = 1e-20;

  /** Creates the estimator. */
  public NceEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "NCE: negative conditional entropy of target labels given source hard labels"
        + " (Tran et al., ICCV 2019).";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.SOURCE_HARD_LABELS));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return "Negative conditional entropy (nats) of the target label given the source model's"
        + " predicted class; at most 0, higher (closer to 0) is better.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    ClassLabels source =
        input
            .sourceLabels()
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "estimator 'nce' needs the source model's hard labels or probabilities on"
                            + " the target data (e.g. --source-probs)."));
    int n = labels.size();
    int[] y = labels.values();
    int[] z = source.values();
    int ct = EstimatorSupport.referenceClassCount(y);
    int cs = EstimatorSupport.referenceClassCount(z);
    double[] joint = new double[cs * ct];
    for (int i = 0; i < n; i++) {
      joint[z[i] * ct + y[i]] += 1.0 / n;
    }
    double conditionalEntropy = 0;
    for (int s = 0; s < cs; s++) {
      double pz = 0;
      for (int t = 0; t < ct; t++) {
        pz += joint[s * ct + t];
      }
      if (pz == 0) {
        continue;
      }
      double h = 0;
      for (int t = 0; t < ct; t++) {
        double q = joint[s * ct + t] / pz + SMOOTHING;
        h -= q * Math.log(q);
      }
      conditionalEntropy += h * pz;
    }
    return new TransferabilityScore(
        ID,
        -conditionalEntropy,
        true,
        Map.of("source_classes", (double) cs, "target_classes", (double) ct),
        EstimatorSupport.since(start));
  }
}
