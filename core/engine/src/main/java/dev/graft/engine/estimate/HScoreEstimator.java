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
 * H-score (Bao et al., ICIP 2019): {@code tr(cov(f)⁺ cov(E[f | y]))} with {@code np.cov}
 * covariances and a pseudo-inverse (relative cutoff {@code 1e-15}), as in the reference code. Zero
 * when all class means coincide; at most the number of classes minus one. For {@code d} close to or
 * above {@code n} the sample covariance is ill-conditioned: prefer {@link HScoreShrinkageEstimator}
 * there. Details: {@code rank} (eigenvalues kept).
 */
public final class HScoreEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "hscore";

  /** Creates the estimator. */
  public HScoreEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "H-score: feature discriminability tr(cov(f)^+ cov(E[f|y])) (Bao et al., ICIP 2019).";
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
    return "Between-class variance explained per unit of feature variance; higher is better;"
        + " between 0 and the number of classes minus 1. Unstable when d is close to or"
        + " above n: use hscore-shrinkage there.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix f = EstimatorSupport.features(input, ID);
    ClassLabels labels = EstimatorSupport.classLabels(input, ID);
    HScoreSolver.Result r =
        HScoreSolver.solve(f.data(), f.rows(), f.cols(), labels.values(), false);
    return new TransferabilityScore(
        ID,
        r.score(),
        true,
        Map.of("shrinkage", r.shrinkage(), "rank", (double) r.rank()),
        EstimatorSupport.since(start));
  }
}
