package dev.graft.engine.evaluate;

import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code regression} evaluator. It needs real-valued outputs ({@link Predictions#outputs()})
 * and {@link dev.graft.api.data.RegressionTargets} of the same shape ({@code n x outputs}).
 * Metrics:
 *
 * <ul>
 *   <li>{@code rmse}: root mean squared error over all cells; lower is better.
 *   <li>{@code mae}: mean absolute error over all cells; lower is better.
 *   <li>{@code r2}: coefficient of determination {@code 1 - SS_res / SS_tot} per output column,
 *       averaged over columns; 0 for always predicting the column mean, negative when worse. For a
 *       constant target column ({@code SS_tot = 0}) it is 1 if the predictions are exact and 0
 *       otherwise (scikit-learn's convention).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class RegressionEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "regression";

  /** Creates the evaluator. */
  public RegressionEvaluator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Regression: root mean squared error, mean absolute error, coefficient of"
        + " determination.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(EnumSet.of(TaskType.REGRESSION), Set.of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    FeatureMatrix predicted = EvaluationInputs.outputs(predictions, ID);
    FeatureMatrix actual = EvaluationInputs.realTargets(truth, ID);
    EvaluationInputs.sameRows(predicted.rows(), actual.rows(), ID);
    EvaluationInputs.sameColumns(predicted.cols(), actual.cols(), "output columns", ID);
    predicted.requireFinite("regression predictions");
    int n = actual.rows();
    int m = actual.cols();
    double[] y = actual.data();
    double[] f = predicted.data();
    double squared = 0;
    double absolute = 0;
    for (int i = 0; i < y.length; i++) {
      double e = f[i] - y[i];
      squared += e * e;
      absolute += Math.abs(e);
    }
    double r2 = 0;
    for (int j = 0; j < m; j++) {
      r2 += r2(y, f, n, m, j);
    }
    return List.of(
        Metric.of("rmse", Math.sqrt(squared / y.length), false),
        Metric.of("mae", absolute / y.length, false),
        Metric.of("r2", r2 / m, true));
  }

  /** R² of output column {@code j}. */
  private static double r2(double[] y, double[] f, int n, int m, int j) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i * m + j];
    }
    mean /= n;
    double residual = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double yi = y[i * m + j];
      residual += (yi - f[i * m + j]) * (yi - f[i * m + j]);
      total += (yi - mean) * (yi - mean);
    }
    if (total == 0) {
      return residual == 0 ? 1 : 0;
    }
    return 1 - residual / total;
  }
}
