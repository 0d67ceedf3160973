package dev.graft.engine.estimate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.engine.estimate.internal.LogMeSolver;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LogME (You et al., ICML 2021): the maximum log evidence of a Bayesian linear model from the
 * features to the targets, per example, averaged over one-hot class columns (classification) or
 * output columns (regression). Solved with the fast fixed-point iteration of "Ranking and Tuning
 * Pre-trained Models" (JMLR 2022) after one spectral decomposition; see {@link LogMeSolver}.
 *
 * <p>Like the authors' code, classification uses columns {@code 0..max(label)}. Details: {@code
 * alpha_mean}, {@code beta_mean}, {@code iterations_mean}, {@code iterations_max}, {@code rank},
 * {@code columns}.
 */
public final class LogMeEstimator implements TransferabilityEstimator {

  /** The extension id. */
  public static final String ID = "logme";

  /** Creates the estimator. */
  public LogMeEstimator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "LogME: log maximum evidence of a linear model on the features (You et al., ICML 2021).";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION, TaskType.REGRESSION), EnumSet.of(Requirement.FEATURES));
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public String interpretation() {
    return "Average log evidence per example of a linear model on the features; higher is better;"
        + " typically between -2 and 2, comparable only across sources for the same target.";
  }

  @Override
  public TransferabilityScore estimate(EstimationInput input) {
    long start = System.nanoTime();
    FeatureMatrix f = EstimatorSupport.features(input, ID);
    if (input.targets() instanceof ClassLabels) {
      EstimatorSupport.classLabels(input, ID);
    }
    EstimatorSupport.TargetMatrix target = EstimatorSupport.targetMatrix(input.targets());
    int c = target.columns();
    LogMeSolver.Result r = LogMeSolver.solve(f.data(), f.rows(), f.cols(), target.values(), c);
    Map<String, Double> details = new LinkedHashMap<>();
    details.put("alpha_mean", mean(r.alphas()));
    details.put("beta_mean", mean(r.betas()));
    double iterSum = 0;
    int iterMax = 0;
    for (int it : r.iterations()) {
      iterSum += it;
      iterMax = Math.max(iterMax, it);
    }
    details.put("iterations_mean", iterSum / c);
    details.put("iterations_max", (double) iterMax);
    details.put("rank", (double) r.rank());
    details.put("columns", (double) c);
    return new TransferabilityScore(ID, r.evidence(), true, details, EstimatorSupport.since(start));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
