package dev.graft.engine.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties every faithful implementation has. */
class InvarianceTest {

  private static final TransferabilityEstimator[] DETERMINISTIC = {
    new LogMeEstimator(),
    new LeepEstimator(),
    new NceEstimator(),
    new HScoreEstimator(),
    new HScoreShrinkageEstimator(),
    new GbcEstimator(),
    new TransRateEstimator()
  };

  private static double relTol(double v) {
    return 1e-9 * Math.max(1, Math.abs(v));
  }

  @Test
  void scoresDoNotDependOnTheOrderOfExamples() {
    EstimationInput in = Synthetic.mixture(150, 8, 3, 1.0, 3);
    int n = 150;
    int[] perm = permutation(n, 9);
    EstimationInput shuffled =
        new EstimationInput(
            in.features().selectRows(perm),
            ((ClassLabels) in.targets()).select(perm),
            Optional.of(
                new ProbabilityMatrix(in.sourceProbabilities().get().values().selectRows(perm))),
            Optional.empty(),
            in.seed());
    for (TransferabilityEstimator e : DETERMINISTIC) {
      double a = e.estimate(in).value();
      assertEquals(a, e.estimate(shuffled).value(), relTol(a), e.id());
    }
  }

  @Test
  void scoresDoNotDependOnTheNamesOfTargetClasses() {
    EstimationInput in = Synthetic.mixture(150, 8, 4, 1.0, 4);
    int[] rename = {2, 0, 3, 1};
    int[] y = ((ClassLabels) in.targets()).values();
    int[] renamed = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      renamed[i] = rename[y[i]];
    }
    EstimationInput relabelled =
        new EstimationInput(
            in.features(),
            ClassLabels.of(renamed, 4),
            in.sourceProbabilities(),
            Optional.empty(),
            0);
    for (TransferabilityEstimator e : DETERMINISTIC) {
      double a = e.estimate(in).value();
      assertEquals(a, e.estimate(relabelled).value(), relTol(a), e.id());
    }
  }

  @Test
  void leepAndNceAreAtMostZero() {
    for (long seed = 0; seed < 5; seed++) {
      EstimationInput in = Synthetic.mixture(90, 5, 3, seed * 0.5, seed);
      assertTrue(new LeepEstimator().estimate(in).value() <= 0);
      assertTrue(new NceEstimator().estimate(in).value() <= 1e-15);
      assertTrue(new GbcEstimator().estimate(in).value() <= 0);
    }
  }

  @Test
  void logMeClassificationEqualsRegressionOnOneHotTargets() {
    for (int[] shape : new int[][] {{120, 10}, {30, 50}}) {
      EstimationInput in = Synthetic.mixture(shape[0], shape[1], 3, 1.0, 6);
      int[] y = ((ClassLabels) in.targets()).values();
      double[] oneHot = new double[y.length * 3];
      for (int i = 0; i < y.length; i++) {
        oneHot[i * 3 + y[i]] = 1;
      }
      EstimationInput regression =
          EstimationInput.of(
              in.features(), new RegressionTargets(FeatureMatrix.wrap(y.length, 3, oneHot)));
      double cls = new LogMeEstimator().estimate(in).value();
      double reg = new LogMeEstimator().estimate(regression).value();
      assertEquals(cls, reg, 1e-12, "n=" + shape[0] + " d=" + shape[1]);
    }
  }

  @Test
  void hScoreIsInvariantToFeatureScale() {
    EstimationInput in = Synthetic.mixture(200, 6, 3, 1.0, 8);
    double[] scaled = in.features().data().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = scaled[i] * 1e4 + 1e3;
    }
    EstimationInput big = EstimationInput.of(FeatureMatrix.wrap(200, 6, scaled), in.targets());
    double a = new HScoreEstimator().estimate(in).value();
    assertEquals(a, new HScoreEstimator().estimate(big).value(), 1e-8);
  }

  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    Random rnd = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
