package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.ProbabilityMatrix;
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
 * LEEP (Nguyen et al., ICML 2020): the log expected empirical prediction.
 *
 * <p>With source probabilities {@code θ(x_i)} over source classes {@code z}: the empirical joint
 * {@code P(y, z) = 1/n Σ_{i: y_i = y} θ_z(x_i)}, the conditional {@code P(y | z) = P(y, z) / P(z)},
 * and {@code LEEP = 1/n Σ_i log Σ_z P(y_i | z) θ_z(x_i)}. Always {@code <= 0} for exact
 * probabilities; higher is better. A source class with zero total probability contributes nothing
 * (the authors' code would produce NaN there).
 */
public final class LeepEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "leep";

  /** Creates the estimator. */
  public LeepEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "LEEP: log expected empirical prediction from source-model probabilities"
        + " (Nguyen et al., ICML 2020).";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.SOURCE_PROBABILITIES));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return "Average log-likelihood of the target labels under the source model's predictions"
        + " re-mapped to target classes; at most 0, higher (closer to 0) is better.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    ProbabilityMatrix probs =
        input
            .sourceProbabilities()
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "estimator 'leep' needs the source model's class probabilities on the"
                            + " target data (e.g. --source-probs)."));
    int n = labels.size();
    int z = probs.classes();
    double[] p = probs.values().data();
    int[] y = labels.values();
    int ct = EstimatorSupport.referenceClassCount(y);
    double[] joint = new double[ct * z];
    for (int i = 0; i < n; i++) {
      int row = y[i] * z;
      for (int j = 0; j < z; j++) {
        joint[row + j] += p[i * z + j] / n;
      }
    }
    double[] marginal = new double[z];
    for (int c = 0; c < ct; c++) {
      for (int j = 0; j < z; j++) {
        marginal[j] += joint[c * z + j];
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int row = y[i] * z;
      double eep = 0;
      for (int j = 0; j < z; j++) {
        if (marginal[j] > 0) {
          eep += joint[row + j] / marginal[j] * p[i * z + j];
        }
      }
      sum += Math.log(eep);
    }
    return new TransferabilityScore(
        ID,
        sum / n,
        true,
        Map.of("source_classes", (double) z, "target_classes", (double) ct),
        EstimatorSupport.since(start));
  }
}
