package dev.graft.tensorflow.savedmodel;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyGradientDescent;
import org.tensorflow.types.TFloat32;

/**
 * A TF Java graph-mode linear regression y = x·w + b with ref variables, gradients from {@link
 * Graph#addGradients} and a train step whose output depends on the updates. Owns its graph and
 * session.
 */
final class LinearRegressionGraph implements AutoCloseable {

  final Graph graph = new Graph();
  final Session session;
  final Placeholder<TFloat32> x;
  final Placeholder<TFloat32> y;
  final Operand<TFloat32> prediction;
  final Operand<TFloat32> loss;
  final Operand<TFloat32> trainStep;

  @SuppressWarnings("unchecked")
  LinearRegressionGraph() {
    Ops tf = Ops.create(graph);
    x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
    y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
    Variable<TFloat32> w =
        tf.withName("w").variable(tf.zeros(tf.constant(new long[] {2, 1}), TFloat32.class));
    Variable<TFloat32> b =
        tf.withName("b").variable(tf.zeros(tf.constant(new long[] {1}), TFloat32.class));
    prediction = tf.withName("prediction").math.add(tf.linalg.matMul(x, w), b);
    loss =
        tf.withName("loss")
            .math
            .mean(tf.math.square(tf.math.sub(prediction, y)), tf.constant(new int[] {0, 1}));
    Output<?>[] gradients =
        graph.addGradients(loss.asOutput(), new Output<?>[] {w.asOutput(), b.asOutput()});
    Operand<TFloat32> rate = tf.constant(0.1f);
    ApplyGradientDescent<TFloat32> updateW =
        tf.train.applyGradientDescent(w, rate, (Operand<TFloat32>) gradients[0]);
    ApplyGradientDescent<TFloat32> updateB =
        tf.train.applyGradientDescent(b, rate, (Operand<TFloat32>) gradients[1]);
    trainStep =
        tf.withControlDependencies(List.of(updateW, updateB)).withName("train_step").identity(loss);
    session = new Session(graph);
    session.initialize();
  }

  /** Runs one training step and returns the loss. */
  float train(float[][] features, float[][] targets) {
    try (TFloat32 xs = TFloat32.tensorOf(StdArrays.ndCopyOf(features));
        TFloat32 ys = TFloat32.tensorOf(StdArrays.ndCopyOf(targets));
        Result result = session.runner().feed(x, xs).feed(y, ys).fetch(trainStep).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  /** Predicts in memory. */
  float[] predict(float[][] features) {
    try (TFloat32 xs = TFloat32.tensorOf(StdArrays.ndCopyOf(features));
        Result result = session.runner().feed(x, xs).fetch(prediction).run()) {
      TFloat32 out = (TFloat32) result.get(0);
      float[] values = new float[features.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = out.getFloat(i, 0);
      }
      return values;
    }
  }

  List<Signature> signatures() {
    return List.of(
        Signature.builder("serving_default").input("x", x).output("y", prediction).build(),
        Signature.builder("train_step")
            .input("x", x)
            .input("y", y)
            .output("loss", trainStep)
            .build());
  }

  @Override
  public void close() {
    try {
      session.close();
    } finally {
      graph.close();
    }
  }
}
