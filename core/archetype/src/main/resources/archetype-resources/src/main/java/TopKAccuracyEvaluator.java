package ${package};

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code ${pluginId}-top2-accuracy}: the fraction of examples whose true class is among the two
 * most probable predicted classes (metric {@code top-2-accuracy}, higher is better). Ties are
 * broken towards the lower class index, so the result is deterministic.
 */
@Extension
public final class TopKAccuracyEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "${pluginId}-top2-accuracy";

  /** The metric name. */
  public static final String METRIC = "top-2-accuracy";

  private static final int K = 2;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Top-2 accuracy: the true class among the two most probable predicted classes.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(
        EnumSet.of(TaskType.CLASSIFICATION), Set.<Requirement>of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    if (!(truth instanceof ClassLabels labels)) {
      throw new GraftException(
          GraftErrors.REQUIREMENT_NOT_MET,
          "evaluator '" + ID + "' needs class labels; the targets are real-valued.");
    }
    ProbabilityMatrix p =
        predictions
            .probabilities()
            .orElseThrow(
                () ->
                    new GraftException(
                        GraftErrors.REQUIREMENT_NOT_MET,
                        "evaluator '" + ID + "' needs class probabilities, not raw outputs."));
    if (p.rows() != labels.size()) {
      throw new GraftException(
          GraftErrors.SIZE_MISMATCH,
          "evaluator '"
              + ID
              + "': "
              + p.rows()
              + " predictions for "
              + labels.size()
              + " labels; they must match.");
    }
    int hits = 0;
    for (int i = 0; i < p.rows(); i++) {
      double[] row = p.values().row(i);
      int truthClass = labels.get(i);
      int better = 0;
      for (int c = 0; c < row.length; c++) {
        if (row[c] > row[truthClass] || (row[c] == row[truthClass] && c < truthClass)) {
          better++;
        }
      }
      hits += better < K ? 1 : 0;
    }
    return List.of(Metric.of(METRIC, (double) hits / p.rows(), true));
  }
}
