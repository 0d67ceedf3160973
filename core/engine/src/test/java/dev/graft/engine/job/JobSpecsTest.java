package dev.graft.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecsTest {

  static final String GOOD =
      String.join(
          "\n",
          "name: digits-from-glyphs",
          "seed: 7",
          "target:",
          "  reader: pixel-csv",
          "  path: digits.csv.gz",
          "  options: {width: 8, height: 8}",
          "  labels-per-class: 5",
          "  on-bad-input: SKIP",
          "sources:",
          "  - loader: model-store",
          "    select: ['glyphs-*']",
          "estimators: [logme, leep]",
          "keep-top: 2",
          "strategies:",
          "  - linear-probe",
          "  - id: fine-tune",
          "    options: {top-k: 2}",
          "evaluation: {protocol: budgets, seeds: 5, label-budgets: [1, 5, 10]}",
          "budget: {epochs: 20, time: 90s}",
          "output: runs/digits",
          "");

  @Test
  void readsAFullSpec() {
    JobSpec spec = JobSpecs.parse(GOOD, "job.yaml");
    assertEquals("digits-from-glyphs", spec.name());
    assertEquals(7L, spec.seed());
    assertEquals("pixel-csv", spec.target().reader());
    assertEquals(Map.of("width", "8", "height", "8"), spec.target().options());
    assertEquals(5, spec.target().labelsPerClass());
    assertEquals(BadInputPolicy.SKIP, spec.target().onBadInput());
    assertTrue(spec.sources().get(0).selects("glyphs-62-cnn"));
    assertTrue(!spec.sources().get(0).selects("fashion-cnn"));
    assertEquals(List.of("logme", "leep"), spec.estimators());
    assertEquals(
        List.of("linear-probe", "fine-tune", "scratch"),
        spec.strategies().stream().map(StrategySpec::id).toList());
    assertEquals(Map.of("top-k", "2"), spec.strategies().get(1).options());
    assertEquals(List.of(1, 5, 10), spec.evaluation().labelBudgets());
    assertEquals(Duration.ofSeconds(90), spec.budget().toBudget().maxTime());
    assertEquals(spec, JobSpecs.parse(JobSpecs.toYaml(spec), "round trip"));
  }

  @Test
  void misspeltTopLevelKeyNamesLineAndClosestKey() {
    String yaml = GOOD.replace("estimators:", "estimater:");
    ConfigException e = assertThrows(ConfigException.class, () -> JobSpecs.parse(yaml, "job.yaml"));
    assertEquals(GraftErrors.INVALID_CONFIG, e.errorId());
    assertTrue(e.getMessage().contains("job.yaml line 12"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'estimater'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'estimators'?"), e.getMessage());
  }

  @Test
  void misspeltNestedKeyNamesItsPath() {
    String yaml = GOOD.replace("labels-per-class:", "labels-per-clas:");
    ConfigException e = assertThrows(ConfigException.class, () -> JobSpecs.parse(yaml, "job.yaml"));
    assertTrue(e.getMessage().contains("line 7"), e.getMessage());
    assertTrue(e.getMessage().contains("'target.labels-per-clas'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'labels-per-class'?"), e.getMessage());
  }

  @Test
  void invalidValuesNameTheFieldAndLine() {
    ConfigException protocol =
        assertThrows(
            ConfigException.class,
            () -> JobSpecs.parse(GOOD.replace("protocol: budgets", "protocol: budget"), "j.yaml"));
    assertTrue(protocol.getMessage().contains("evaluation.protocol"), protocol.getMessage());
    assertTrue(protocol.getMessage().contains("did you mean 'budgets'?"), protocol.getMessage());
    assertTrue(protocol.getMessage().contains("line 18"), protocol.getMessage());

    ConfigException time =
        assertThrows(
            ConfigException.class,
            () -> JobSpecs.parse(GOOD.replace("time: 90s", "time: soon"), "j.yaml"));
    assertTrue(time.getMessage().contains("'budget.time' is 'soon'"), time.getMessage());

    ConfigException type =
        assertThrows(
            ConfigException.class,
            () -> JobSpecs.parse(GOOD.replace("seed: 7", "seed: [7]"), "j.yaml"));
    assertTrue(type.getMessage().contains("'seed' has the wrong type"), type.getMessage());

    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> JobSpecs.parse(GOOD.replace("output: runs/digits", ""), "j.yaml"));
    assertTrue(missing.getMessage().contains("'output'"), missing.getMessage());
  }

  @Test
  void missingFileIsReported(@TempDir Path temp) {
    GraftException e =
        assertThrows(GraftException.class, () -> JobSpecs.read(temp.resolve("nope.yaml")));
    assertEquals(GraftErrors.FILE_NOT_READABLE, e.errorId());
  }

  @Test
  void builderAddsTheScratchBaselineAndDefaults() {
    JobSpec spec =
        JobSpec.builder()
            .setTarget(new TargetSpec("idx", "/data/fmnist", null, 10, null, null, null))
            .addSource(new SourceSpec("model-store", null, null, null))
            .setOutput("runs/x")
            .optStrategy(StrategySpec.of("fine-tune"))
            .build();
    assertEquals(
        List.of("fine-tune", "scratch"), spec.strategies().stream().map(StrategySpec::id).toList());
    assertEquals("holdout", spec.evaluation().protocol());
    assertEquals(30, spec.budget().epochs());
    ConfigException e =
        assertThrows(ConfigException.class, () -> JobSpec.builder().setOutput("x").build());
    assertTrue(e.getMessage().contains("'target'"), e.getMessage());
  }

  @Test
  void suggestionsUseEditDistance() {
    assertEquals(2, Suggestions.distance("kitten", "sitten") + 1);
    assertEquals(1, Suggestions.distance("ab", "ba"));
    assertEquals(
        "logme", Suggestions.closest("logem", List.of("leep", "logme", "nce")).orElseThrow());
    assertTrue(Suggestions.closest("zzzzzz", List.of("leep", "logme")).isEmpty());
  }
}
