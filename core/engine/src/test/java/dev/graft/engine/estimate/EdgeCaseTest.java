package dev.graft.engine.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Awkward but valid shapes give finite scores; invalid input gives a clear error. */
class EdgeCaseTest {

  private static final List<TransferabilityEstimator> FEATURE_ESTIMATORS =
      List.of(
          new LogMeEstimator(),
          new HScoreEstimator(),
          new HScoreShrinkageEstimator(),
          new GbcEstimator(),
          new TransRateEstimator(),
          new KnnEstimator(),
          new LinearProbeEstimator());

  private static void allFinite(EstimationInput in, String what) {
    for (TransferabilityEstimator e : FEATURE_ESTIMATORS) {
      double v = e.estimate(in).value();
      assertTrue(Double.isFinite(v), e.id() + " on " + what + " gave " + v);
    }
  }

  @Test
  void fewerExamplesThanDimensions() {
    allFinite(Synthetic.mixture(20, 100, 2, 1.0, 1), "n < d");
    allFinite(Synthetic.mixture(30, 30, 3, 1.0, 1), "n = d");
  }

  @Test
  void rankDeficientAndConstantFeatures() {
    EstimationInput in = Synthetic.mixture(80, 4, 2, 1.0, 2);
    double[] x = new double[80 * 7];
    for (int i = 0; i < 80; i++) {
      for (int j = 0; j < 4; j++) {
        x[i * 7 + j] = in.features().get(i, j);
      }
      x[i * 7 + 4] = 2 * in.features().get(i, 0); // duplicate direction
      x[i * 7 + 5] = 3.5; // constant
      x[i * 7 + 6] = 0.0; // all zero
    }
    allFinite(EstimationInput.of(FeatureMatrix.wrap(80, 7, x), in.targets()), "rank-deficient");
  }

  @Test
  void aClassWithOneExampleAndTwoClasses() {
    EstimationInput in = Synthetic.mixture(41, 5, 2, 1.0, 3);
    int[] y = ((ClassLabels) in.targets()).values();
    int[] z = new int[41];
    for (int i = 0; i < 41; i++) {
      z[i] = i == 40 ? 2 : y[i];
    }
    allFinite(in, "two classes");
    allFinite(EstimationInput.of(in.features(), ClassLabels.of(z)), "a singleton class");
  }

  @Test
  void aThousandClasses() {
    EstimationInput in = Synthetic.mixture(3000, 16, 1000, 2.0, 4);
    for (TransferabilityEstimator e :
        List.of(
            new LogMeEstimator(),
            new HScoreEstimator(),
            new GbcEstimator(),
            new LeepEstimator(),
            new NceEstimator())) {
      double v = e.estimate(in).value();
      assertTrue(Double.isFinite(v), e.id() + " gave " + v);
    }
  }

  @Test
  void unnormalisedFeatures() {
    EstimationInput in = Synthetic.mixture(100, 6, 3, 1.0, 5);
    double[] x = in.features().data().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] * 1e5 + 1e6;
    }
    allFinite(EstimationInput.of(FeatureMatrix.wrap(100, 6, x), in.targets()), "unnormalised");
  }

  @Test
  void nonFiniteFeaturesNameTheCell() {
    double[] x = {1, 2, 3, Double.NaN, 5, 6};
    EstimationInput in = EstimationInput.of(FeatureMatrix.wrap(3, 2, x), ClassLabels.of(0, 1, 1));
    for (TransferabilityEstimator e : FEATURE_ESTIMATORS) {
      InvalidInputException ex = assertThrows(InvalidInputException.class, () -> e.estimate(in));
      assertEquals(GraftErrors.NON_FINITE_VALUE, ex.errorId());
      assertTrue(ex.getMessage().contains("row 1, column 1"), ex.getMessage());
    }
  }

  @Test
  void aSingleClassIsRejected() {
    EstimationInput in =
        EstimationInput.of(Synthetic.gaussian(10, 3, 1), ClassLabels.of(new int[10], 3));
    for (TransferabilityEstimator e : FEATURE_ESTIMATORS) {
      InvalidInputException ex = assertThrows(InvalidInputException.class, () -> e.estimate(in));
      assertEquals(GraftErrors.INVALID_LABELS, ex.errorId());
      assertTrue(ex.getMessage().contains("single class"), ex.getMessage());
    }
  }

  @Test
  void mismatchedCountsEmptyMatricesAndBadProbabilitiesAreRejected() {
    GraftException mismatch =
        assertThrows(
            GraftException.class,
            () -> EstimationInput.of(Synthetic.gaussian(10, 3, 1), ClassLabels.of(0, 1, 0)));
    assertEquals(GraftErrors.SIZE_MISMATCH, mismatch.errorId());
    GraftException empty =
        assertThrows(GraftException.class, () -> FeatureMatrix.wrap(0, 3, new double[0]));
    assertEquals(GraftErrors.EMPTY_INPUT, empty.errorId());
    GraftException probs =
        assertThrows(
            GraftException.class,
            () ->
                new ProbabilityMatrix(FeatureMatrix.wrap(2, 2, new double[] {0.5, 0.4, 0.5, 0.5})));
    assertEquals(GraftErrors.INVALID_PROBABILITIES, probs.errorId());
  }

  @Test
  void unknownEstimatorAndUnmetRequirementsAreExplained() {
    Estimation estimation = Estimation.builtins();
    GraftException unknown =
        assertThrows(GraftException.class, () -> estimation.estimator("logmee"));
    assertEquals(GraftErrors.UNKNOWN_EXTENSION, unknown.errorId());
    assertTrue(unknown.getMessage().contains("logme"));
    EstimationReport report =
        estimation.score(
            EstimationInput.of(
                Synthetic.gaussian(20, 3, 2),
                ClassLabels.of(
                    new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1})),
            List.of("logme", "leep"));
    assertEquals(1, report.scores().size());
    assertTrue(report.skipped().get("leep").contains("SOURCE_PROBABILITIES"));
  }
}
