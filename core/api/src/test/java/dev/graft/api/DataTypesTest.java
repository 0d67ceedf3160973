package dev.graft.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ProbabilityMatrix;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.estimate.EstimationInput;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.ExtensionIds;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTypesTest {

  @Test
  void featureMatrixNamesTheFirstNonFiniteCell() {
    FeatureMatrix m = FeatureMatrix.of(new double[][] {{1, 2}, {3, Double.NaN}});
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> m.requireFinite("features.npy"));
    assertEquals(GraftErrors.NON_FINITE_VALUE, e.errorId());
    assertTrue(
        e.getMessage().startsWith("GRAFT-DATA-001: features.npy holds NaN at row 1, column 1"));
  }

  @Test
  void featureMatrixRejectsRaggedRowsAndWrongLengths() {
    InvalidInputException ragged =
        assertThrows(
            InvalidInputException.class, () -> FeatureMatrix.of(new double[][] {{1, 2}, {3}}));
    assertTrue(ragged.getMessage().contains("row 1 has 1 values; row 0 has 2"));
    assertThrows(InvalidInputException.class, () -> FeatureMatrix.wrap(2, 2, new double[3]));
    assertThrows(InvalidInputException.class, () -> FeatureMatrix.wrap(0, 2, new double[0]));
    FeatureMatrix m = FeatureMatrix.wrap(3, 2, new double[] {1, 2, 3, 4, 5, 6});
    assertArrayEquals(new double[] {5, 6, 1, 2}, m.selectRows(new int[] {2, 0}).data());
  }

  @Test
  void classLabelsValidateRangeAndCount() {
    ClassLabels labels = ClassLabels.of(2, 0, 2, 1);
    assertEquals(3, labels.numClasses());
    assertArrayEquals(new int[] {1, 1, 2}, labels.counts());
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ClassLabels.of(new int[] {0, 3}, 3));
    assertTrue(e.getMessage().contains("label at index 1 is 3"));
    assertThrows(InvalidInputException.class, () -> ClassLabels.of(new int[] {0, -1}, 3));
    assertThrows(InvalidInputException.class, () -> ClassLabels.of(new int[0], 3));
  }

  @Test
  void probabilityRowsMustSumToOne() {
    ProbabilityMatrix ok =
        new ProbabilityMatrix(FeatureMatrix.of(new double[][] {{0.2, 0.8}, {0.6, 0.4}}));
    assertArrayEquals(new int[] {1, 0}, ok.argmax().values());
    InvalidInputException sum =
        assertThrows(
            InvalidInputException.class,
            () -> new ProbabilityMatrix(FeatureMatrix.of(new double[][] {{0.25, 0.5}})));
    assertEquals(GraftErrors.INVALID_PROBABILITIES, sum.errorId());
    assertTrue(sum.getMessage().contains("row 0 sums to 0.75"));
    assertThrows(
        InvalidInputException.class,
        () -> new ProbabilityMatrix(FeatureMatrix.of(new double[][] {{-0.1, 1.1}})));
  }

  @Test
  void estimationInputChecksSizesAndDerivesHardLabels() {
    FeatureMatrix f = FeatureMatrix.of(new double[][] {{1}, {2}, {3}});
    ClassLabels y = ClassLabels.of(0, 1, 1);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> EstimationInput.of(f, ClassLabels.of(0, 1)));
    assertEquals(GraftErrors.SIZE_MISMATCH, e.errorId());
    ProbabilityMatrix p =
        new ProbabilityMatrix(
            FeatureMatrix.of(new double[][] {{0.9, 0.1}, {0.3, 0.7}, {0.5, 0.5}}));
    EstimationInput in = EstimationInput.withProbabilities(f, y, p);
    assertArrayEquals(new int[] {0, 1, 0}, in.sourceLabels().orElseThrow().values());
    GraftException missing =
        assertThrows(
            GraftException.class, () -> EstimationInput.of(null, y).requireFeatures("logme"));
    assertEquals(GraftErrors.REQUIREMENT_NOT_MET, missing.errorId());
  }

  @Test
  void capabilitiesReportUnmetRequirements() {
    Capabilities c =
        Capabilities.anyModality(
            EnumSet.of(TaskType.CLASSIFICATION),
            EnumSet.of(Requirement.FEATURES, Requirement.SOURCE_PROBABILITIES));
    assertTrue(c.supports(Modality.AUDIO));
    assertEquals(
        Set.of(Requirement.SOURCE_PROBABILITIES), c.unmet(EnumSet.of(Requirement.FEATURES)));
    assertThrows(
        ConfigException.class,
        () -> new Capabilities(Set.of(), EnumSet.of(TaskType.REGRESSION), Set.of()));
  }

  @Test
  void extensionIdsAreKebabCase() {
    assertEquals("linear-probe", ExtensionIds.validate("linear-probe", "x"));
    for (String bad : new String[] {"LogME", "-x", "a_b", "", "a--b", "9lives"}) {
      GraftException e =
          assertThrows(GraftException.class, () -> ExtensionIds.validate(bad, "Foo"));
      assertEquals(GraftErrors.INVALID_EXTENSION, e.errorId());
    }
  }

  @Test
  void deviceConfigParsesAndValidates() {
    assertEquals("cpu", DeviceConfig.parse("CPU").label());
    assertEquals("gpu:1", DeviceConfig.parse("gpu:1").label());
    assertEquals("gpu:0", DeviceConfig.parse("gpu").label());
    ConfigException e = assertThrows(ConfigException.class, () -> DeviceConfig.parse("tpu"));
    assertTrue(e.getMessage().contains("'device' is 'tpu'"));
    assertThrows(ConfigException.class, () -> DeviceConfig.parse("gpu:x"));
    ConfigException threads =
        assertThrows(ConfigException.class, () -> DeviceConfig.cpu().withThreads(-1, 0));
    assertTrue(threads.getMessage().contains("'intraOpThreads' is -1"));
  }
}
