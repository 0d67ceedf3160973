package ${package};

import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.testkit.contract.TransferabilityEstimatorContract;

/**
 * The estimator passes the testkit's estimator contract: finite, deterministic, separable features
 * above noise, missing features, non-finite values, one class and regression targets refused.
 */
class CentroidMarginEstimatorTest extends TransferabilityEstimatorContract {

  @Override
  protected TransferabilityEstimator extension() {
    return new CentroidMarginEstimator();
  }
}
