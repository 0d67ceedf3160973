package dev.graft.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.evaluate.Predictions;
import dev.graft.api.extension.Requirement;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.Source;
import dev.graft.api.transfer.TrainedModel;
import dev.graft.api.transfer.TrainingBudget;
import dev.graft.api.transfer.TransferContext;
import dev.graft.api.transfer.TransferResult;
import dev.graft.api.transfer.TransferStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link TransferStrategy} satisfies. Subclass it in the strategy's test, return
 * the strategy from {@link #extension()}, and give it a source and target data it can work on:
 *
 * <pre>{@code
 * class MyStrategyContractTest extends TransferStrategyContract {
 *   protected TransferStrategy extension() { return new MyStrategy(); }
 *   protected Source openSource(Path dir) { return new MySource(...); }   // meets every requirement
 *   protected Dataset<?> targetTrain() { return ...; }                    // labelled, a few per class
 *   protected Dataset<?> targetValidation() { return ...; }               // labelled
 * }
 * }</pre>
 *
 * <p>It checks:
 *
 * <ul>
 *   <li>a transfer on well-formed input returns a result naming the strategy and the source, with
 *       finite validation metrics and a model that predicts one finite row per example (a
 *       probability row over the target's classes for class labels) and exports into a folder;
 *   <li>determinism for a seed: two transfers with the same seed predict the same values;
 *   <li>declared requirements honoured: without target labels ({@code TARGET_LABELS}), without
 *       labelled source data ({@code SOURCE_DATA}), with a frozen source ({@code TRAINABLE_SOURCE})
 *       or without unlabelled target examples ({@code UNLABELLED_TARGET}) the strategy fails with a
 *       {@link GraftException} (GRAFT-EXT-001 naming the strategy; missing labels may also be
 *       reported as GRAFT-DATA-004) instead of training on something else;
 *   <li>clear errors on bad input: an unknown option is rejected naming it, and so is an invalid
 *       option value (see {@link #invalidOptions()});
 *   <li>ownership: the model's {@code close()} is idempotent, a closed model refuses to predict,
 *       and, where {@link #liveNativeResources()} can count them, a full transfer-predict-close
 *       cycle leaves no more native resources alive than before it.
 * </ul>
 *
 * <p>Keep the fixture small (tens of examples, a budget of a few epochs): every check runs at least
 * one transfer.
 */
public abstract class TransferStrategyContract extends ExtensionContract<TransferStrategy> {

  /** A folder for the fixture's files (model folders, data), fresh per test. */
  @TempDir protected Path fixtureDir;

  @TempDir Path work;

  /**
   * Opens a source that meets every requirement the strategy declares: labelled data for {@code
   * SOURCE_DATA}, a model folder for {@code TRAINABLE_SOURCE}, and features of the target's
   * examples. The contract closes it.
   *
   * @param dir {@link #fixtureDir}, for files the source needs
   * @return the opened source
   * @throws Exception if the fixture cannot be built
   */
  protected abstract Source openSource(Path dir) throws Exception;

  /**
   * Labelled target training examples the source can embed, a few per class.
   *
   * @return the training set
   */
  protected abstract Dataset<?> targetTrain();

  /**
   * Labelled target validation examples (also used to check predictions).
   *
   * @return the validation set
   */
  protected abstract Dataset<?> targetValidation();

  /**
   * Unlabelled target examples, given to strategies that declare {@code UNLABELLED_TARGET}. By
   * default the validation examples without their labels.
   *
   * @return the unlabelled examples
   */
  protected Dataset<?> unlabelledTarget() {
    return targetValidation().withoutTargets();
  }

  /**
   * The training budget of every transfer in the suite; small by default (3 epochs, 2 minutes).
   *
   * @return the budget
   */
  protected TrainingBudget budget() {
    return new TrainingBudget(3, Duration.ofMinutes(2));
  }

  /**
   * Strategy options for every transfer in the suite; none by default.
   *
   * @return the options
   */
  protected Map<String, String> options() {
    return Map.of();
  }

  /**
   * Options with a value the strategy must refuse, e.g. {@code lr=-1}; empty (the default) skips
   * that check.
   *
   * @return the invalid options
   */
  protected Map<String, String> invalidOptions() {
    return Map.of();
  }

  /**
   * How many native resources (tensors, graphs, sessions) are alive now, if the runtime can count
   * them — e.g. JavaCPP's {@code Pointer.totalCount()} for TensorFlow. Empty (the default) skips
   * the leak check.
   *
   * @return the count, or empty if not measurable
   */
  protected OptionalLong liveNativeResources() {
    return OptionalLong.empty();
  }

  /**
   * How far two transfers with the same seed may differ, per predicted value. Zero by default: a
   * strategy is deterministic for a seed on CPU.
   *
   * @return the tolerance
   */
  protected double determinismTolerance() {
    return 0;
  }

  private boolean requires(Requirement r) {
    return extension().capabilities().requirements().contains(r);
  }

  /**
   * A context over the fixture with the given parts.
   *
   * @param source the opened source
   * @param train the training set
   * @param seed the seed
   * @param options the options
   * @return the context
   */
  private TransferContext context(
      Source source, Dataset<?> train, long seed, Map<String, String> options) {
    Optional<Dataset<?>> unlabelled =
        requires(Requirement.UNLABELLED_TARGET)
            ? Optional.of(unlabelledTarget())
            : Optional.empty();
    return new TransferContext(
        source,
        train,
        Optional.of(targetValidation()),
        unlabelled,
        budget(),
        seed,
        options,
        workFolder());
  }

  private Path workFolder() {
    try {
      return Files.createTempDirectory(work, "transfer-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a work folder under " + work, e);
    }
  }

  /**
   * One finite prediction row per example; for classification one probability per class. Scores of
   * a ranking strategy may be {@code -Infinity}: the ranking evaluators' mark for items a user must
   * not be recommended (their own history).
   */
  private void checkPredictions(String what, Predictions p, Dataset<?> data) {
    assertNotNull(p, what + ": predictions");
    boolean masksAllowed =
        p.probabilities().isEmpty() && extension().capabilities().supports(TaskType.RANKING);
    FeatureMatrix values =
        p.probabilities().isPresent()
            ? p.probabilities().get().values()
            : p.outputs().orElseThrow();
    assertEquals(data.size(), values.rows(), what + ": one prediction row per example");
    for (double v : values.data()) {
      assertTrue(
          Double.isFinite(v) || (masksAllowed && v == Double.NEGATIVE_INFINITY),
          what + ": non-finite prediction " + v);
    }
    if (data.targets().orElse(null) instanceof ClassLabels labels) {
      assertTrue(p.probabilities().isPresent(), what + ": class labels need class probabilities");
      assertEquals(
          labels.numClasses(),
          p.probabilities().get().classes(),
          what + ": one probability per target class");
    }
  }

  private static double[] values(Predictions p) {
    return p.probabilities().isPresent()
        ? p.probabilities().get().values().data()
        : p.outputs().orElseThrow().data();
  }

  @Test
  void transfersWellFormedInput() throws Exception {
    try (Source source = openSource(fixtureDir)) {
      TransferResult result = extension().transfer(context(source, targetTrain(), 1, options()));
      try (TrainedModel model = result.model()) {
        assertEquals(extension().id(), result.strategyId(), "result.strategyId");
        assertEquals(source.descriptor().id(), result.sourceId(), "result.sourceId");
        assertNotNull(result.provenance(), "result.provenance");
        assertNotNull(model.provenance(), "model.provenance");
        for (Metric m : result.validationMetrics()) {
          assertTrue(Double.isFinite(m.value()), "validation metric " + m);
        }
        checkPredictions("validation", model.predict(targetValidation()), targetValidation());
        Path export = work.resolve("export");
        model.export(export);
        try (Stream<Path> files = Files.list(export)) {
          assertTrue(files.findAny().isPresent(), "export wrote nothing into " + export);
        }
      }
    }
  }

  @Test
  void isDeterministicForASeed() throws Exception {
    try (Source source = openSource(fixtureDir)) {
      double[] first;
      double[] second;
      try (TrainedModel m =
          extension().transfer(context(source, targetTrain(), 7, options())).model()) {
        first = values(m.predict(targetValidation()));
      }
      try (TrainedModel m =
          extension().transfer(context(source, targetTrain(), 7, options())).model()) {
        second = values(m.predict(targetValidation()));
      }
      assertEquals(first.length, second.length, "prediction sizes differ for the same seed");
      double tolerance = determinismTolerance();
      for (int i = 0; i < first.length; i++) {
        if (Math.abs(first[i] - second[i]) > tolerance) {
          fail(
              "same seed, different predictions at value "
                  + i
                  + ": "
                  + first[i]
                  + " vs "
                  + second[i]
                  + " (tolerance "
                  + tolerance
                  + ")");
        }
      }
    }
  }

  private void assertRefused(String requirement, GraftException e, Set<GraftErrors> ids) {
    assertTrue(
        ids.contains(e.errorId()),
        requirement + " missing must be reported as " + ids + ", was: " + e.getMessage());
    if (e.errorId() == GraftErrors.REQUIREMENT_NOT_MET) {
      assertTrue(
          e.getMessage().contains(extension().id()),
          "the error must name the strategy '" + extension().id() + "': " + e.getMessage());
    }
  }

  @Test
  void refusesTargetDataWithoutLabelsWhenItNeedsThem() throws Exception {
    assumeTrue(requires(Requirement.TARGET_LABELS), "does not declare TARGET_LABELS");
    try (Source source = openSource(fixtureDir)) {
      Dataset<?> unlabelled = targetTrain().withoutTargets();
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  extension().transfer(context(source, unlabelled, 1, options())).model().close());
      assertRefused(
          "TARGET_LABELS", e, Set.of(GraftErrors.REQUIREMENT_NOT_MET, GraftErrors.INVALID_LABELS));
    }
  }

  @Test
  void refusesASourceWithoutDataWhenItNeedsIt() throws Exception {
    assumeTrue(requires(Requirement.SOURCE_DATA), "does not declare SOURCE_DATA");
    try (Source source = openSource(fixtureDir)) {
      Source withoutData = new RestrictedSource(source, true, false);
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  extension()
                      .transfer(context(withoutData, targetTrain(), 1, options()))
                      .model()
                      .close());
      assertRefused("SOURCE_DATA", e, Set.of(GraftErrors.REQUIREMENT_NOT_MET));
    }
  }

  @Test
  void refusesAFrozenSourceWhenItNeedsATrainableOne() throws Exception {
    assumeTrue(requires(Requirement.TRAINABLE_SOURCE), "does not declare TRAINABLE_SOURCE");
    try (Source source = openSource(fixtureDir)) {
      Source frozen = new RestrictedSource(source, false, true);
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  extension()
                      .transfer(context(frozen, targetTrain(), 1, options()))
                      .model()
                      .close());
      assertRefused("TRAINABLE_SOURCE", e, Set.of(GraftErrors.REQUIREMENT_NOT_MET));
    }
  }

  @Test
  void refusesAMissingUnlabelledPoolWhenItNeedsOne() throws Exception {
    assumeTrue(requires(Requirement.UNLABELLED_TARGET), "does not declare UNLABELLED_TARGET");
    try (Source source = openSource(fixtureDir)) {
      TransferContext full = context(source, targetTrain(), 1, options());
      TransferContext withoutPool =
          new TransferContext(
              full.source(),
              full.train(),
              full.validation(),
              Optional.empty(),
              full.budget(),
              full.seed(),
              full.options(),
              full.workDir());
      GraftException e =
          assertThrows(
              GraftException.class, () -> extension().transfer(withoutPool).model().close());
      assertRefused("UNLABELLED_TARGET", e, Set.of(GraftErrors.REQUIREMENT_NOT_MET));
    }
  }

  @Test
  void rejectsAnUnknownOptionNamingIt() throws Exception {
    try (Source source = openSource(fixtureDir)) {
      Map<String, String> options = new HashMap<>(options());
      options.put("no-such-option-xyz", "1");
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  extension().transfer(context(source, targetTrain(), 1, options)).model().close());
      assertTrue(e.getMessage().contains("no-such-option-xyz"), e.getMessage());
    }
  }

  @Test
  void rejectsAnInvalidOptionValueNamingIt() throws Exception {
    Map<String, String> invalid = invalidOptions();
    assumeTrue(!invalid.isEmpty(), "no invalid option value given (invalidOptions())");
    try (Source source = openSource(fixtureDir)) {
      Map<String, String> options = new HashMap<>(options());
      options.putAll(invalid);
      GraftException e =
          assertThrows(
              GraftException.class,
              () ->
                  extension().transfer(context(source, targetTrain(), 1, options)).model().close(),
              "invalid option values " + invalid + " must be refused with a GraftException");
      for (Map.Entry<String, String> entry : invalid.entrySet()) {
        assertTrue(
            e.getMessage().contains(entry.getKey()) && e.getMessage().contains(entry.getValue()),
            "the error names the option and its value " + entry + ": " + e.getMessage());
      }
    }
  }

  @Test
  void closingReleasesTheModel() throws Exception {
    try (Source source = openSource(fixtureDir)) {
      cycle(source);
      OptionalLong before = liveNativeResources();
      TrainedModel model =
          extension().transfer(context(source, targetTrain(), 3, options())).model();
      checkPredictions("validation", model.predict(targetValidation()), targetValidation());
      model.close();
      model.close();
      assertThrows(
          RuntimeException.class,
          () -> model.predict(targetValidation()),
          "a closed model must refuse to predict");
      OptionalLong after = liveNativeResources();
      if (before.isPresent() && after.isPresent()) {
        assertTrue(
            after.getAsLong() <= before.getAsLong(),
            "native resources alive before a transfer-predict-close cycle: "
                + before.getAsLong()
                + ", after: "
                + after.getAsLong()
                + "; something the strategy or its model allocated is not closed");
      }
    }
  }

  /** One full cycle first, so that one-time caches (kernels, encoders) do not count as leaks. */
  private void cycle(Source source) {
    try (TrainedModel m =
        extension().transfer(context(source, targetTrain(), 3, options())).model()) {
      m.predict(targetValidation());
    }
  }

  /** A view of a source that hides its labelled data and/or its trainable model. */
  private static final class RestrictedSource implements Source {
    private final Source delegate;
    private final boolean keepModel;
    private final boolean keepData;

    RestrictedSource(Source delegate, boolean keepModel, boolean keepData) {
      this.delegate = delegate;
      this.keepModel = keepModel;
      this.keepData = keepData;
    }

    @Override
    public dev.graft.api.source.SourceDescriptor descriptor() {
      return delegate.descriptor();
    }

    @Override
    public FeatureMatrix features(Dataset<?> data) {
      return delegate.features(data);
    }

    @Override
    public Optional<dev.graft.api.data.ProbabilityMatrix> probabilities(Dataset<?> data) {
      return delegate.probabilities(data);
    }

    @Override
    public boolean trainable() {
      return keepModel && delegate.trainable();
    }

    @Override
    public Optional<Dataset<?>> labelledData() {
      return keepData ? delegate.labelledData() : Optional.empty();
    }

    @Override
    public Optional<Path> modelDirectory() {
      return keepModel ? delegate.modelDirectory() : Optional.empty();
    }

    @Override
    public void close() {
      // the wrapped source is closed by the test that opened it
    }
  }

  /**
   * Checks a fixture meets the strategy's requirements, so a failing transfer is not blamed on it.
   */
  @Test
  void fixtureMeetsTheDeclaredRequirements() throws Exception {
    try (Source source = openSource(fixtureDir)) {
      if (requires(Requirement.SOURCE_DATA)) {
        assertTrue(source.labelledData().isPresent(), "fixture: SOURCE_DATA needs labelled data");
      }
      if (requires(Requirement.TRAINABLE_SOURCE)) {
        assertTrue(
            source.modelDirectory().isPresent(), "fixture: TRAINABLE_SOURCE needs a model folder");
      }
      if (requires(Requirement.TARGET_LABELS)) {
        assertTrue(targetTrain().targets().isPresent(), "fixture: TARGET_LABELS needs labels");
      }
      assertFalse(targetValidation().targets().isEmpty(), "fixture: validation needs labels");
    }
  }
}
