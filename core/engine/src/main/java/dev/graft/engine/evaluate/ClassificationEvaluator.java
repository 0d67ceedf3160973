package dev.graft.engine.evaluate;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.Targets;
import dev.graft.api.error.ConfigException;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.TaskType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code classification} evaluator. It needs class probabilities ({@link
 * Predictions#probabilities()}) over the target's classes and {@link ClassLabels} as the truth; the
 * predicted class is the most probable one (lowest index on ties). Metrics, in this order:
 *
 * <ul>
 *   <li>{@code accuracy}: share of correct predictions.
 *   <li>{@code macro-f1}: unweighted mean F1 over the classes present in the truth or the
 *       predictions ({@link ConfusionMatrix#macroF1()}).
 *   <li>{@code roc-auc}: macro one-vs-rest ROC-AUC ({@link RocAuc#oneVsRest}); omitted when no
 *       class can be scored (fewer than two classes in the truth).
 *   <li>{@code roc-auc/skipped-classes}: how many classes the ROC-AUC skipped because they are
 *       absent from the truth (or are its only class); lower is better.
 *   <li>{@code ece}: expected calibration error with top-label confidence and 15 equal-width bins
 *       by default ({@link CalibrationError}); lower is better.
 *   <li>{@code precision/<class>} and {@code recall/<class>} for each class present in the truth or
 *       the predictions, in class order, named by the class name (by index if names repeat).
 * </ul>
 *
 * <p>The confusion matrix itself is available from {@link #confusionMatrix}. Stateless and
 * thread-safe.
 */
public final class ClassificationEvaluator implements Evaluator {

  /** The extension id. */
  public static final String ID = "classification";

  private final int eceBins;

  /** Creates the evaluator with {@value CalibrationError#DEFAULT_BINS} calibration bins. */
  public ClassificationEvaluator() {
    this(CalibrationError.DEFAULT_BINS);
  }

  /**
   * Creates the evaluator.
   *
   * @param eceBins number of equal-width bins of the calibration error, at least 1
   * @throws ConfigException GRAFT-CONFIG-001 if {@code eceBins < 1}
   */
  public ClassificationEvaluator(int eceBins) {
    ConfigException.require(eceBins >= 1, "ece bins", eceBins, "at least 1");
    this.eceBins = eceBins;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Classification: accuracy, macro-F1, per-class precision/recall, one-vs-rest ROC-AUC,"
        + " expected calibration error.";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.anyModality(EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<Metric> evaluate(Predictions predictions, Targets truth) {
    ProbabilityMatrix p = checkedProbabilities(predictions, truth);
    ClassLabels labels = (ClassLabels) truth;
    ConfusionMatrix cm = ConfusionMatrix.of(labels, p.argmax());
    RocAuc.OneVsRest auc = RocAuc.oneVsRest(p, labels);
    List<Metric> out = new ArrayList<>();
    out.add(Metric.of("accuracy", cm.accuracy(), true));
    out.add(Metric.of("macro-f1", cm.macroF1(), true));
    auc.macro().ifPresent(v -> out.add(Metric.of("roc-auc", v, true)));
    out.add(Metric.of("roc-auc/skipped-classes", auc.skippedClasses().size(), false));
    out.add(Metric.of("ece", CalibrationError.expected(p, labels, eceBins), false));
    List<String> names = metricClassNames(labels.names());
    for (int c = 0; c < cm.numClasses(); c++) {
      if (cm.isPresent(c)) {
        out.add(Metric.of("precision/" + names.get(c), cm.precision(c), true));
        out.add(Metric.of("recall/" + names.get(c), cm.recall(c), true));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The confusion matrix of the most probable class against the truth.
   *
   * @param predictions class probabilities
   * @param truth class labels, same examples
   * @return the matrix, named by the truth's class names
   * @throws dev.graft.api.error.InvalidInputException on mismatched or wrong-kind inputs, as {@link
   *     #evaluate}
   */
  public ConfusionMatrix confusionMatrix(Predictions predictions, Targets truth) {
    ProbabilityMatrix p = checkedProbabilities(predictions, truth);
    return ConfusionMatrix.of((ClassLabels) truth, p.argmax());
  }

  private static ProbabilityMatrix checkedProbabilities(Predictions predictions, Targets truth) {
    ProbabilityMatrix p = EvaluationInputs.probabilities(predictions, ID);
    ClassLabels labels = EvaluationInputs.classLabels(truth, ID);
    EvaluationInputs.sameRows(p.rows(), labels.size(), ID);
    EvaluationInputs.sameColumns(p.classes(), labels.numClasses(), "class columns", ID);
    return p;
  }

  /** Class names for metric names: the given names if distinct, otherwise class indices. */
  private static List<String> metricClassNames(List<String> names) {
    if (new HashSet<>(names).size() == names.size()) {
      return names;
    }
    List<String> indices = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      indices.add(Integer.toString(c));
    }
    return indices;
  }
}
