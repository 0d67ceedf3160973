package dev.graft.engine.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.api.source.InputEncoder;
import dev.graft.engine.Graft;
import dev.graft.engine.job.EvaluationSpec;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.SourceSpec;
import dev.graft.engine.job.StrategySpec;
import dev.graft.engine.job.TargetSpec;
import dev.graft.engine.pipeline.PipelineListener;
import dev.graft.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model-store entry with a {@code <model>.source-data.json} sidecar offers its labelled source
 * data: in a real host, the instance-based strategies then run instead of being skipped, and the
 * report gets its source-vs-target projection.
 */
class SourceDataSidecarTest {

  /** Reads the circle source task (the data the stored source model was trained on). */
  static final class CircleSourceReader implements DatasetReader {
    public String id() {
      return "circle-source";
    }

    public String description() {
      return "Generated circle source task.";
    }

    public Capabilities capabilities() {
      return new Capabilities(
          EnumSet.of(Modality.TABULAR), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
    }

    public Set<String> formats() {
      return Set.of("circle-source");
    }

    public Class<?> exampleType() {
      return float[].class;
    }

    public boolean accepts(Path path) {
      return true;
    }

    public ReadResult<?> read(Path path, ReadOptions options) {
      if (!Files.exists(path)) {
        throw new AssertionError("the sidecar's path should resolve next to it: " + path);
      }
      return new ReadResult<>(SourceModels.sourceTask(), List.of());
    }
  }

  @Test
  void theSidecarMakesSourceDataAvailableToStrategiesAndReports(@TempDir Path temp)
      throws Exception {
    Path store = temp.resolve("store");
    SourceModels.exportCircleSource(store.resolve("circle"));
    Files.writeString(store.resolve("circle-data.marker"), "generated");
    Files.writeString(
        store.resolve("circle.source-data.json"),
        "{\"reader\": \"circle-source\", \"path\": \"circle-data.marker\"}");
    try (Graft graft =
        Graft.builder()
            .optExtension(InputEncoder.class, new VectorEncoder())
            .optExtension(DatasetReader.class, new PipelineIntegrationTest.CircleReader())
            .optExtension(DatasetReader.class, new CircleSourceReader())
            .optModelStore(store)
            .optCacheDir(temp.resolve("cache"))
            .build()) {
      JobSpec job =
          JobSpec.builder()
              .optSeed(3)
              .setTarget(new TargetSpec("circle", "unused", Map.of(), 6, null, null, null))
              .addSource(new SourceSpec("model-store", null, null, null))
              .optEstimators("logme")
              .optStrategy(StrategySpec.of("coral"))
              .optStrategy(new StrategySpec("scratch", Map.of("lr", "0.01", "batch-size", "8")))
              .optEvaluation(new EvaluationSpec("holdout", 2, null, null, "accuracy"))
              .setOutput("run")
              .build();
      RunResult r = graft.run(job, temp, PipelineListener.NONE);
      assertTrue(
          r.outcomes().stream().anyMatch(o -> o.strategyId().equals("coral")),
          "coral ran: " + r.skipped());
      assertTrue(
          r.skipped().stream().noneMatch(s -> s.strategyId().equals("coral")),
          r.skipped().toString());
      assertFalse(r.projection().isEmpty(), "the report has source-vs-target points");
      assertTrue(r.projection().stream().anyMatch(p -> p.group().equals("source")));
      assertTrue(r.projection().stream().anyMatch(p -> p.group().equals("target")));
      assertEquals("store:circle", r.ranking().get(0).sourceId());
    }
  }
}
