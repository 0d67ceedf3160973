package dev.graft.engine.estimate;

import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.testkit.contract.TransferabilityEstimatorContract;
import org.junit.jupiter.api.Nested;

/** Every built-in estimator satisfies the testkit's estimator contract. */
class ContractTests {

  @Nested
  class LogMe extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new LogMeEstimator();
    }
  }

  @Nested
  class Leep extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new LeepEstimator();
    }
  }

  @Nested
  class Nce extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new NceEstimator();
    }
  }

  @Nested
  class HScore extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new HScoreEstimator();
    }
  }

  @Nested
  class HScoreShrinkage extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new HScoreShrinkageEstimator();
    }
  }

  @Nested
  class Gbc extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new GbcEstimator();
    }
  }

  @Nested
  class TransRate extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new TransRateEstimator();
    }
  }

  @Nested
  class Knn extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new KnnEstimator();
    }
  }

  @Nested
  class LinearProbe extends TransferabilityEstimatorContract {
    @Override
    protected TransferabilityEstimator extension() {
      return new LinearProbeEstimator();
    }
  }
}
