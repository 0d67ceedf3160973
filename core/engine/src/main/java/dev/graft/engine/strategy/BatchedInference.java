package dev.graft.engine.strategy;

import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.engine.source.Softmax;
import dev.graft.tensorflow.nn.GraphModel;
import java.util.Arrays;

/** Class probabilities from a network's logits, computed in batches to bound native memory. */
final class BatchedInference {

  /** Rows per session run. */
  static final int BATCH_SIZE = 256;

  private BatchedInference() {}

  static float[] logits(GraphModel model, float[] x, int n) {
    int in = model.inputSize();
    int out = model.outputWidth();
    float[] logits = new float[n * out];
    for (int start = 0; start < n; start += BATCH_SIZE) {
      int m = Math.min(BATCH_SIZE, n - start);
      float[] batch = Arrays.copyOfRange(x, start * in, (start + m) * in);
      System.arraycopy(model.logits(batch, m), 0, logits, start * out, m * out);
    }
    return logits;
  }

  static ProbabilityMatrix probabilities(GraphModel model, float[] x, int n) {
    return Softmax.rows(logits(model, x, n), n, model.outputWidth());
  }
}
