package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.estimate.internal.HScoreSolver;
import java.util.EnumSet;
import java.util.Map;

/**
 * The shrinkage-regularised H-score (Ibrahim et al., ICLR 2023): {@code tr(cov_ρ(f)⁺ (1-ρ) cov(E[f
 * | y]))} where {@code cov_ρ} is the Ledoit-Wolf estimate with data-driven shrinkage {@code ρ} (as
 * scikit-learn computes it). Well-conditioned when {@code d} is close to or above {@code n}.
 * Details: {@code shrinkage} (ρ), {@code rank}.
 */
public final class HScoreShrinkageEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "hscore-shrinkage";

  /** Creates the estimator. */
  public HScoreShrinkageEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Shrinkage H-score: H-score with a Ledoit-Wolf covariance, stable for d close to or"
        + " above n (Ibrahim et al., ICLR 2023).";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), EnumSet.of(Requirement.FEATURES));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return "H-score with a Ledoit-Wolf shrunk feature covariance; higher is better; robust when the"
        + " feature dimension is close to or above the number of examples.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix f = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    HScoreSolver.Result r = HScoreSolver.solve(f.data(), f.rows(), f.cols(), labels.values(), true);
    return new TransferabilityScore(
        ID,
        r.score(),
        true,
        Map.of("shrinkage", r.shrinkage(), "rank", (double) r.rank()),
        EstimatorSupport.since(start));
  }
}
