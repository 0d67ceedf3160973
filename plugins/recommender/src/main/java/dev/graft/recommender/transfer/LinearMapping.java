package dev.graft.recommender.transfer;

import dev.graft.api.error.InvalidInputException;
import dev.graft.recommender.RecommenderErrors;

/**
 * A ridge-regression map {@code y = W x + b} from one embedding space to another (EMCDR's linear
 * mapping function), fitted in closed form on paired rows. Immutable.
 */
public final class LinearMapping {

  private final int in;
  private final int out;
  private final double[] weights;
  private final double[] bias;

  private LinearMapping(int in, int out, double[] weights, double[] bias) {
    this.in = in;
    this.out = out;
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Fits the map on {@code n} pairs.
   *
   * @param x inputs, row-major {@code n x in}
   * @param y outputs, row-major {@code n x out}
   * @param n number of pairs, at least 2
   * @param lambda ridge strength (not applied to the bias), positive
   * @return the map
   * @throws InvalidInputException REC-TRANSFER-001 with fewer than 2 pairs
   */
  public static LinearMapping fit(float[] x, float[] y, int n, double lambda) {
    if (n < 2) {
      throw new InvalidInputException(
          RecommenderErrors.NO_SHARED_USERS,
          "a source-to-target mapping needs at least 2 users with embeddings in both domains;"
              + " found "
              + n
              + ".");
    }
    int in = x.length / n;
    int out = y.length / n;
    double[] mx = new double[in];
    double[] my = new double[out];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < in; i++) {
        mx[i] += x[r * in + i] / n;
      }
      for (int o = 0; o < out; o++) {
        my[o] += y[r * out + o] / n;
      }
    }
    double[] a = new double[in * in];
    double[] b = new double[in * out];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < in; i++) {
        double xi = x[r * in + i] - mx[i];
        for (int j = 0; j < in; j++) {
          a[i * in + j] += xi * (x[r * in + j] - mx[j]);
        }
        for (int o = 0; o < out; o++) {
          b[i * out + o] += xi * (y[r * out + o] - my[o]);
        }
      }
    }
    for (int i = 0; i < in; i++) {
      a[i * in + i] += lambda;
    }
    double[] w = new double[out * in];
    for (int o = 0; o < out; o++) {
      double[] col = new double[in];
      for (int i = 0; i < in; i++) {
        col[i] = b[i * out + o];
      }
      double[] sol = dev.graft.recommender.model.Linear.solve(a, col, in);
      System.arraycopy(sol, 0, w, o * in, in);
    }
    double[] bias = new double[out];
    for (int o = 0; o < out; o++) {
      double s = my[o];
      for (int i = 0; i < in; i++) {
        s -= w[o * in + i] * mx[i];
      }
      bias[o] = s;
    }
    return new LinearMapping(in, out, w, bias);
  }

  /**
   * Maps one vector.
   *
   * @param x {@code in} values
   * @return {@code out} values
   */
  public float[] apply(float[] x) {
    float[] y = new float[out];
    for (int o = 0; o < out; o++) {
      double s = bias[o];
      for (int i = 0; i < in; i++) {
        s += weights[o * in + i] * x[i];
      }
      y[o] = (float) s;
    }
    return y;
  }

  /**
   * Mean squared error of the map on pairs.
   *
   * @param x inputs
   * @param y outputs
   * @param n pairs
   * @return the mean over pairs of the squared distance
   */
  public double error(float[] x, float[] y, int n) {
    double s = 0;
    for (int r = 0; r < n; r++) {
      float[] p = apply(java.util.Arrays.copyOfRange(x, r * in, (r + 1) * in));
      for (int o = 0; o < out; o++) {
        s += Math.pow(p[o] - y[r * out + o], 2);
      }
    }
    return s / n;
  }
}
