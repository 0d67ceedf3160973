package dev.graft.engine.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.estimate.EstimationInput;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Small inputs whose scores can be worked out by hand from the definitions. */
class HandDerivedTest {

  private static EstimationInput features(double[][] x, int... y) {
    return EstimationInput.of(FeatureMatrix.of(x), ClassLabels.of(y));
  }

  private static EstimationInput probabilities(double[][] p, int... y) {
    return EstimationInput.withProbabilities(
        null, ClassLabels.of(y), new ProbabilityMatrix(FeatureMatrix.of(p)));
  }

  @Test
  void leepOfAPerfectSourceIsZero() {
    double[][] p = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
    assertEquals(0.0, new LeepEstimator().estimate(probabilities(p, 0, 0, 1, 1)).value(), 1e-15);
  }

  @Test
  void leepOfAnUninformativeSourceIsMinusTheLabelEntropy() {
    // uniform predictions: P(y|z) = class frequency, EEP_i = P(y_i)
    double[][] p = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
    double expected = (3 * Math.log(0.75) + Math.log(0.25)) / 4;
    assertEquals(
        expected, new LeepEstimator().estimate(probabilities(p, 0, 0, 0, 1)).value(), 1e-15);
  }

  @Test
  void nceIsMinusTheConditionalEntropy() {
    // z = 0 -> y in {0, 1} equally (1 bit), z = 1 -> y = 1 always; P(z=0) = 1/2
    double[][] p = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};
    double expected = -0.5 * Math.log(2);
    assertEquals(
        expected, new NceEstimator().estimate(probabilities(p, 0, 1, 1, 1)).value(), 1e-15);
  }

  @Test
  void hScoreOfPerfectOneDimensionalSeparationIsOne() {
    // g = f, so cov(f)^-1 cov(g) = 1
    double[][] x = {{0}, {0}, {1}, {1}};
    assertEquals(1.0, new HScoreEstimator().estimate(features(x, 0, 0, 1, 1)).value(), 1e-12);
  }

  @Test
  void hScoreIsZeroWhenClassMeansCoincide() {
    double[][] x = {{1, 2}, {-1, -2}, {2, -1}, {-2, 1}, {0.5, 0.5}, {-0.5, -0.5}};
    EstimationInput in = features(x, 0, 0, 1, 1, 2, 2);
    assertEquals(0.0, new HScoreEstimator().estimate(in).value(), 1e-12);
    assertEquals(0.0, new HScoreShrinkageEstimator().estimate(in).value(), 1e-12);
  }

  @Test
  void gbcOfTwoOneDimensionalGaussians() {
    // class 0 at {-1, 1}: mean 0, var 1; class 1 at {3, 5}: mean 4, var 1
    // D_B = (4^2 / 1) / 8 = 2, GBC = -2 exp(-2) (ordered pairs)
    double[][] x = {{-1}, {1}, {3}, {5}};
    assertEquals(
        -2 * Math.exp(-2), new GbcEstimator().estimate(features(x, 0, 0, 1, 1)).value(), 1e-14);
  }

  @Test
  void transRateOfOneDimensionalFeatures() {
    // centred f = {-2, -1, 1, 2}; R(Z) = 1/2 log(1 + sum z^2 / (n eps))
    double[][] x = {{-2}, {-1}, {1}, {2}};
    double eps = TransRateEstimator.EPSILON;
    double whole = 0.5 * Math.log(1 + 10 / (4 * eps));
    double class0 = 0.5 * Math.log(1 + 5 / (2 * eps));
    double class1 = 0.5 * Math.log(1 + 5 / (2 * eps));
    double expected = whole - (class0 + class1) / 2;
    assertEquals(
        expected, new TransRateEstimator().estimate(features(x, 0, 0, 1, 1)).value(), 1e-12);
  }

  @Test
  void knnAndLinearProbeAreExactOnSeparatedClusters() {
    double[][] x = new double[40][2];
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 2;
      x[i][0] = y[i] * 10 + (i % 7) * 0.1;
      x[i][1] = (i % 5) * 0.1;
    }
    EstimationInput in = features(x, y);
    assertEquals(1.0, new KnnEstimator().estimate(in).value());
    assertEquals(1.0, new LinearProbeEstimator().estimate(in).value());
  }

  @Test
  void nceTreatsProbabilitiesAsTheirArgmax() {
    double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.2, 0.8}, {0.3, 0.7}};
    EstimationInput viaProbs = probabilities(p, 0, 0, 1, 1);
    EstimationInput viaLabels =
        new EstimationInput(
            null,
            ClassLabels.of(0, 0, 1, 1),
            Optional.empty(),
            Optional.of(ClassLabels.of(0, 0, 1, 1)),
            0);
    assertEquals(
        new NceEstimator().estimate(viaLabels).value(),
        new NceEstimator().estimate(viaProbs).value());
  }
}
