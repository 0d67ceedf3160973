package dev.graft.engine.estimate.internal;

/**
 * Limited-memory BFGS minimisation with a backtracking (Armijo) line search, for the smooth convex
 * objectives of the probe estimators.
 */
public final class Lbfgs {

  /** A differentiable objective. */
  public interface Objective {
    /**
     * Evaluates the objective and writes its gradient.
     *
     * @param x the point
     * @param gradient receives the gradient at {@code x}
     * @return the value at {@code x}
     */
    double evaluate(double[] x, double[] gradient);
  }

  private static final int HISTORY = 10;

  private Lbfgs() {}

  /**
   * Minimises {@code f} from {@code x} (updated in place).
   *
   * @param f the objective
   * @param x the start point; holds the minimiser on return
   * @param maxIterations most iterations
   * @param tolerance stop when the relative decrease of the value falls below this
   * @return the iterations used
   */
  public static int minimize(Objective f, double[] x, int maxIterations, double tolerance) {
    int dim = x.length;
    double[][] s = new double[HISTORY][dim];
    double[][] y = new double[HISTORY][dim];
    double[] rho = new double[HISTORY];
    double[] alpha = new double[HISTORY];
    double[] g = new double[dim];
    double[] gNew = new double[dim];
    double[] dir = new double[dim];
    double[] xNew = new double[dim];
    double value = f.evaluate(x, g);
    int stored = 0;
    int head = 0;
    int it = 0;
    while (it < maxIterations) {
      it++;
      // two-loop recursion: dir = -H g
      System.arraycopy(g, 0, dir, 0, dim);
      for (int q = 0; q < stored; q++) {
        int idx = Math.floorMod(head - 1 - q, HISTORY);
        alpha[idx] = rho[idx] * dot(s[idx], dir);
        axpy(dir, -alpha[idx], y[idx]);
      }
      if (stored > 0) {
        int last = Math.floorMod(head - 1, HISTORY);
        double scale = dot(s[last], y[last]) / dot(y[last], y[last]);
        for (int i = 0; i < dim; i++) {
          dir[i] *= scale;
        }
      } else {
        double norm = Math.sqrt(dot(g, g));
        for (int i = 0; i < dim; i++) {
          dir[i] /= Math.max(norm, 1e-12);
        }
      }
      for (int q = stored - 1; q >= 0; q--) {
        int idx = Math.floorMod(head - 1 - q, HISTORY);
        double beta = rho[idx] * dot(y[idx], dir);
        axpy(dir, alpha[idx] - beta, s[idx]);
      }
      for (int i = 0; i < dim; i++) {
        dir[i] = -dir[i];
      }
      double slope = dot(g, dir);
      if (slope >= 0) {
        // not a descent direction: restart from steepest descent
        for (int i = 0; i < dim; i++) {
          dir[i] = -g[i];
        }
        slope = -dot(g, g);
        stored = 0;
      }
      if (slope == 0) {
        break;
      }
      double step = 1.0;
      double next;
      while (true) {
        for (int i = 0; i < dim; i++) {
          xNew[i] = x[i] + step * dir[i];
        }
        next = f.evaluate(xNew, gNew);
        if (next <= value + 1e-4 * step * slope || step < 1e-10) {
          break;
        }
        step *= 0.5;
      }
      double[] sv = s[head];
      double[] yv = y[head];
      for (int i = 0; i < dim; i++) {
        sv[i] = xNew[i] - x[i];
        yv[i] = gNew[i] - g[i];
      }
      double sy = dot(sv, yv);
      if (sy > 1e-12) {
        rho[head] = 1.0 / sy;
        head = (head + 1) % HISTORY;
        stored = Math.min(stored + 1, HISTORY);
      }
      System.arraycopy(xNew, 0, x, 0, dim);
      System.arraycopy(gNew, 0, g, 0, dim);
      double previous = value;
      value = next;
      if (Math.abs(previous - value) <= tolerance * Math.max(1.0, Math.abs(previous))) {
        break;
      }
    }
    return it;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double[] out, double a, double[] x) {
    for (int i = 0; i < out.length; i++) {
      out[i] += a * x[i];
    }
  }
}
