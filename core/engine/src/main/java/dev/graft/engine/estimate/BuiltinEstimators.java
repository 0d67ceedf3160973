package dev.graft.engine.estimate;

import dev.graft.api.estimate.TransferabilityEstimator;
import java.util.List;

/** The transferability estimators Graft ships, for the host to bind into its registry. */
public final class BuiltinEstimators {

  private BuiltinEstimators() {}

  /**
   * Every built-in estimator class; each has a public no-argument constructor.
   *
   * @return the classes, in the order rankings list them
   */
  public static List<Class<? extends TransferabilityEstimator>> all() {
    return List.of(
        LogMeEstimator.class,
        LeepEstimator.class,
        NceEstimator.class,
        HScoreEstimator.class,
        HScoreShrinkageEstimator.class,
        GbcEstimator.class,
        TransRateEstimator.class,
        KnnEstimator.class,
        LinearProbeEstimator.class);
  }
}
