package dev.graft.engine.strategy;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.data.Targets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.engine.evaluate.ClassificationEvaluator;
import dev.graft.engine.evaluate.RegressionEvaluator;
import dev.graft.engine.source.Softmax;
import dev.graft.tensorflow.nn.LossSpec;
import java.util.List;

/**
 * What a target head predicts: the target's classes (softmax cross-entropy, probabilities) or its
 * real-valued outputs (mean squared error, raw values).
 *
 * @param classNames the class names in output order, or empty for regression
 * @param outputs the head's output width
 */
record TargetTask(List<String> classNames, int outputs) {

  /** The task of a labelled training set. */
  static TargetTask of(Dataset<?> train) {
    if (train.targets().isEmpty() && train.info().classNames().isPresent()) {
      List<String> names = train.info().classNames().get();
      return new TargetTask(names, names.size());
    }
    Targets targets =
        train
            .targets()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        GraftErrors.INVALID_LABELS,
                        "data set '" + train.info().name() + "' has no targets to train on."));
    if (targets instanceof RegressionTargets r) {
      return new TargetTask(List.of(), r.outputs());
    }
    ClassLabels labels = (ClassLabels) targets;
    return new TargetTask(labels.names(), labels.numClasses());
  }

  boolean regression() {
    return classNames.isEmpty();
  }

  LossSpec loss() {
    return regression() ? LossSpec.mse() : LossSpec.softmaxCrossEntropy();
  }

  /** The training targets of a data set: one-hot rows or the real values, row-major. */
  float[] targets(Dataset<?> data) {
    Targets targets = data.targets().orElseThrow();
    float[] out = new float[data.size() * outputs];
    if (regression()) {
      if (!(targets instanceof RegressionTargets r) || r.outputs() != outputs) {
        throw mismatch(data);
      }
      double[] v = r.values().data();
      for (int i = 0; i < v.length; i++) {
        out[i] = (float) v[i];
      }
    } else {
      if (!(targets instanceof ClassLabels labels) || labels.numClasses() != outputs) {
        throw mismatch(data);
      }
      for (int i = 0; i < labels.size(); i++) {
        out[i * outputs + labels.get(i)] = 1;
      }
    }
    return out;
  }

  private InvalidInputException mismatch(Dataset<?> data) {
    return new InvalidInputException(
        GraftErrors.INVALID_LABELS,
        "data set '"
            + data.info().name()
            + "' has targets of another kind or width than the training data ("
            + (regression() ? outputs + " real-valued outputs" : outputs + " classes")
            + ").");
  }

  /** Predictions from the head's raw outputs (logits for classification). */
  Predictions predictions(float[] raw, int rows) {
    if (regression()) {
      return Predictions.ofOutputs(FeatureMatrix.fromFloats(rows, outputs, raw));
    }
    return Predictions.ofProbabilities(Softmax.rows(raw, rows, outputs));
  }

  List<Metric> evaluate(Predictions predictions, Targets truth) {
    return regression()
        ? new RegressionEvaluator().evaluate(predictions, truth)
        : new ClassificationEvaluator().evaluate(predictions, truth);
  }
}
