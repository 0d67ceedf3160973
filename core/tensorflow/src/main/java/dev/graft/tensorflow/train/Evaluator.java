package dev.graft.tensorflow.train;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.tensorflow.nn.GraphModel;
import dev.graft.tensorflow.nn.LossSpec;

/** Computes an {@link Evaluation} of a model over a dataset, batch by batch. */
public final class Evaluator {

  private Evaluator() {}

  /**
   * Evaluates a model in inference mode.
   *
   * @param model the model
   * @param data the dataset (read in order, not shuffled)
   * @param batchSize examples per inference batch
   * @return the metrics
   * @throws InvalidInputException if the dataset is empty or its sizes do not fit the model
   */
  public static Evaluation evaluate(GraphModel model, Dataset data, int batchSize) {
    checkFits(model, data, "evaluation");
    LossSpec.Kind kind = model.loss().kind();
    int k = model.outputWidth();
    double lossSum = 0;
    double correct = 0;
    double absError = 0;
    long count = 0;
    try (BatchIterator it = data.batches(batchSize, false, 0)) {
      while (it.hasNext()) {
        Batch b = it.next();
        float[][] res = model.evaluate(b.features(), b.targets(), b.weights(), b.size());
        float[] out = res[0];
        for (int i = 0; i < b.size(); i++) {
          lossSum += res[1][i];
          int base = i * k;
          if (kind == LossSpec.Kind.SOFTMAX_CROSS_ENTROPY) {
            correct += argMax(out, base, k) == argMax(b.targets(), base, k) ? 1 : 0;
          } else if (kind == LossSpec.Kind.SIGMOID_CROSS_ENTROPY) {
            int right = 0;
            for (int j = 0; j < k; j++) {
              right += (out[base + j] >= 0.5f) == (b.targets()[base + j] >= 0.5f) ? 1 : 0;
            }
            correct += (double) right / k;
          }
          double err = 0;
          for (int j = 0; j < k; j++) {
            err += Math.abs(out[base + j] - b.targets()[base + j]);
          }
          absError += err / k;
        }
        count += b.size();
      }
    }
    if (count == 0) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "the evaluation dataset is empty.");
    }
    double accuracy = kind.isClassification() ? correct / count : Double.NaN;
    return new Evaluation(lossSum / count, accuracy, absError / count, count);
  }

  static void checkFits(GraphModel model, Dataset data, String what) {
    if (data.exampleSize() != model.inputSize() || data.targetWidth() != model.outputWidth()) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "the "
              + what
              + " dataset has examples of "
              + data.exampleSize()
              + " values and targets of "
              + data.targetWidth()
              + " but network '"
              + model.network().name()
              + "' takes "
              + model.inputSize()
              + " and produces "
              + model.outputWidth()
              + "; use data matching the network's input shape and number of outputs.");
    }
  }

  private static int argMax(float[] v, int from, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (v[from + j] > v[from + best]) {
        best = j;
      }
    }
    return best;
  }
}
