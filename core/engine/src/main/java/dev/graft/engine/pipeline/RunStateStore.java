package dev.graft.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.evaluate.Metric;
import dev.graft.api.io.AtomicFiles;
import dev.graft.api.io.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finished runs of an interrupted job, so that running the same job again resumes instead of
 * starting over. One small JSON file per finished (strategy, source, run) under {@code
 * RUN_DIR/.state/}, written atomically when the run finishes and keyed by a hash of the whole job
 * spec: a changed spec never reuses stale results.
 */
final class RunStateStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String specHash;

  /**
   * A finished run.
   *
   * @param metrics the metrics it measured
   * @param notes what the strategy reported
   * @param confusion its confusion matrix, or null
   * @param seconds its training time
   * @param probabilities the model's class probabilities on the run's test examples ({@code rows x
   *     classes}), kept so multi-source ensembles can be measured on resumed runs
   */
  record Finished(
      List<Metric> metrics,
      List<String> notes,
      int[][] confusion,
      double seconds,
      double[][] probabilities) {}

  RunStateStore(Path runDir, String specYaml) {
    this.dir = runDir.resolve(".state");
    this.specHash = Digests.sha256Hex(specYaml);
  }

  Optional<Finished> find(String strategy, String source, RunPlan plan) {
    Path file = file(strategy, source, plan);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(file.toFile(), Map.class);
      List<Metric> metrics = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> ms = (List<Map<String, Object>>) m.get("metrics");
      for (Map<String, Object> x : ms) {
        metrics.add(
            Metric.of(
                (String) x.get("name"),
                ((Number) x.get("value")).doubleValue(),
                (Boolean) x.get("higherIsBetter")));
      }
      @SuppressWarnings("unchecked")
      List<String> notes = (List<String>) m.get("notes");
      int[][] confusion = JSON.convertValue(m.get("confusion"), int[][].class);
      double[][] probabilities = JSON.convertValue(m.get("probabilities"), double[][].class);
      return Optional.of(
          new Finished(
              metrics, notes, confusion, ((Number) m.get("seconds")).doubleValue(), probabilities));
    } catch (IOException | RuntimeException e) {
      // an unreadable state file only means this run is done again
      return Optional.empty();
    }
  }

  void save(String strategy, String source, RunPlan plan, Finished finished) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> ms = new ArrayList<>();
    for (Metric x : finished.metrics()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", x.name());
      e.put("value", x.value());
      e.put("higherIsBetter", x.higherIsBetter());
      ms.add(e);
    }
    m.put("metrics", ms);
    m.put("notes", finished.notes());
    m.put("confusion", finished.confusion());
    m.put("seconds", finished.seconds());
    m.put("probabilities", finished.probabilities());
    try {
      AtomicFiles.write(file(strategy, source, plan), JSON.writeValueAsBytes(m));
    } catch (IOException e) {
      throw new dev.graft.api.error.GraftException(
          dev.graft.api.error.GraftErrors.FILE_NOT_WRITABLE,
          "cannot save run state in " + dir + ": " + e,
          e);
    }
  }

  private Path file(String strategy, String source, RunPlan plan) {
    return dir.resolve(
        Digests.sha256Hex(
                    specHash
                        + "|"
                        + strategy
                        + "|"
                        + source
                        + "|"
                        + plan.key()
                        + "|"
                        + plan.budget())
                .substring(0, 32)
            + ".json");
  }
}
