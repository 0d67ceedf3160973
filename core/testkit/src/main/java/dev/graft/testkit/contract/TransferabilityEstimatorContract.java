package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.data.RegressionTargets;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.estimate.TransferabilityEstimator;
import dev.graft.api.estimate.TransferabilityScore;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TransferabilityEstimator} satisfies. Subclass it in the estimator's
 * test and implement {@link #extension()}:
 *
 * <pre>{@code
 * class MyEstimatorContractTest extends TransferabilityEstimatorContract {
 *   protected TransferabilityEstimator extension() { return new MyEstimator(); }
 * }
 * }</pre>
 *
 * <p>It checks: a finite score on well-formed data, the declared direction ({@code higherIsBetter})
 * reported on the score, determinism for a seed, a clearer source scoring at least as well as pure
 * noise, a declared requirement missing giving GRAFT-EXT-001, and non-finite features, a single
 * class, or regression targets for a classification-only estimator rejected with a {@link
 * GraftException}.
 */
public abstract class TransferabilityEstimatorContract
    extends ExtensionContract<TransferabilityEstimator> {

  private static final int N = 120;
  private static final int D = 6;
  private static final int CLASSES = 3;

  /**
   * A target where the features separate the classes well (separation 4) or not at all (0).
   *
   * @param separation distance between class means in units of the noise
   * @param seed the seed
   * @return the input, with source probabilities derived from a softmax over class-mean distances
   */
  protected static EstimationInput syntheticInput(double separation, long seed) {
    Random rnd = new Random(seed);
    double[][] means = new double[CLASSES][D];
    for (int c = 0; c < CLASSES; c++) {
      for (int j = 0; j < D; j++) {
        means[c][j] = separation * rnd.nextGaussian() / Math.sqrt(D) * 2;
      }
    }
    int[] y = new int[N];
    double[] x = new double[N * D];
    double[] p = new double[N * CLASSES];
    for (int i = 0; i < N; i++) {
      y[i] = i % CLASSES;
      for (int j = 0; j < D; j++) {
        x[i * D + j] = means[y[i]][j] + rnd.nextGaussian();
      }
      double sum = 0;
      for (int c = 0; c < CLASSES; c++) {
        double dist = 0;
        for (int j = 0; j < D; j++) {
          double diff = x[i * D + j] - means[c][j];
          dist += diff * diff;
        }
        p[i * CLASSES + c] = Math.exp(-0.5 * dist);
        sum += p[i * CLASSES + c];
      }
      for (int c = 0; c < CLASSES; c++) {
        p[i * CLASSES + c] = sum > 0 ? p[i * CLASSES + c] / sum : 1.0 / CLASSES;
      }
    }
    return new EstimationInput(
        FeatureMatrix.wrap(N, D, x),
        ClassLabels.of(y, CLASSES),
        Optional.of(new ProbabilityMatrix(FeatureMatrix.wrap(N, CLASSES, p))),
        Optional.empty(),
        seed);
  }

  private boolean classification() {
    return extension().capabilities().supports(TaskType.CLASSIFICATION);
  }

  @Test
  void scoresWellFormedDataWithTheDeclaredDirection() {
    TransferabilityEstimator e = extension();
    assumeTrue(classification(), "not a classification estimator");
    TransferabilityScore s = e.estimate(syntheticInput(4, 1));
    assertNotNull(s);
    assertTrue(Double.isFinite(s.value()), "score must be finite, was " + s.value());
    assertEquals(e.id(), s.estimatorId());
    assertEquals(e.higherIsBetter(), s.higherIsBetter());
    assertFalse(e.interpretation() == null || e.interpretation().isBlank(), "interpretation");
  }

  @Test
  void isDeterministicForASeed() {
    assumeTrue(classification(), "not a classification estimator");
    EstimationInput in = syntheticInput(2, 7);
    assertEquals(extension().estimate(in).value(), extension().estimate(in).value());
  }

  @Test
  void ranksASeparableSourceAboveNoise() {
    assumeTrue(classification(), "not a classification estimator");
    TransferabilityScore good = extension().estimate(syntheticInput(6, 3));
    TransferabilityScore noise = extension().estimate(syntheticInput(0, 3));
    assertTrue(
        good.betterThan(noise),
        "separable features scored " + good.value() + ", noise scored " + noise.value());
  }

  @Test
  void missingDeclaredRequirementIsReported() {
    TransferabilityEstimator e = extension();
    assumeTrue(classification(), "not a classification estimator");
    EstimationInput full = syntheticInput(4, 1);
    EstimationInput stripped;
    if (e.capabilities().requirements().contains(Requirement.SOURCE_PROBABILITIES)
        || e.capabilities().requirements().contains(Requirement.SOURCE_HARD_LABELS)) {
      stripped = EstimationInput.of(full.features(), full.targets());
    } else if (e.capabilities().requirements().contains(Requirement.FEATURES)) {
      stripped =
          new EstimationInput(
              null, full.targets(), full.sourceProbabilities(), Optional.empty(), 1);
    } else {
      assumeTrue(false, "declares no input requirement");
      return;
    }
    GraftException ex = assertThrows(GraftException.class, () -> e.estimate(stripped));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, ex.errorId(), ex.getMessage());
  }

  @Test
  void rejectsNonFiniteFeatures() {
    assumeTrue(
        classification()
            && extension().capabilities().requirements().contains(Requirement.FEATURES),
        "not a feature-based classification estimator");
    EstimationInput ok = syntheticInput(4, 1);
    double[] x = ok.features().data().clone();
    x[5] = Double.POSITIVE_INFINITY;
    EstimationInput bad =
        new EstimationInput(
            FeatureMatrix.wrap(N, D, x),
            ok.targets(),
            ok.sourceProbabilities(),
            Optional.empty(),
            1);
    assertThrows(GraftException.class, () -> extension().estimate(bad));
  }

  @Test
  void rejectsASingleClass() {
    assumeTrue(classification(), "not a classification estimator");
    EstimationInput ok = syntheticInput(4, 1);
    EstimationInput single =
        new EstimationInput(
            ok.features(),
            ClassLabels.of(new int[N], CLASSES),
            ok.sourceProbabilities(),
            Optional.empty(),
            1);
    assertThrows(GraftException.class, () -> extension().estimate(single));
  }

  @Test
  void classificationOnlyEstimatorsRejectRegressionTargets() {
    assumeTrue(!extension().capabilities().supports(TaskType.REGRESSION), "supports regression");
    EstimationInput ok = syntheticInput(4, 1);
    double[] t = new double[N];
    EstimationInput regression =
        new EstimationInput(
            ok.features(), RegressionTargets.of(t), ok.sourceProbabilities(), Optional.empty(), 1);
    assertThrows(GraftException.class, () -> extension().estimate(regression));
  }
}
