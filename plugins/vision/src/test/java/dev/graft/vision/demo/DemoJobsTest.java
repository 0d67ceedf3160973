package dev.graft.vision.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.ConfigException;
import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import dev.graft.vision.data.VisionData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoJobsTest {

  @TempDir Path temp;

  @Test
  void everyEmbeddedJobIsAValidJobSpecAndMatchesItsDocsCopy() throws IOException {
    Path docs = Path.of("../../docs/examples");
    for (String id : DemoJobs.IDS) {
      String yaml = DemoJobs.yaml(id);
      JobSpec spec = JobSpecs.parse(yaml, id + ".yaml");
      assertEquals(id, spec.name());
      String adapting = spec.unlabelledTarget() ? "self-training-network" : "fine-tune";
      assertTrue(spec.strategies().stream().anyMatch(s -> s.id().equals(adapting)), id);
      if (Files.isDirectory(docs)) {
        assertEquals(
            yaml,
            Files.readString(docs.resolve(id + ".yaml")),
            "docs/examples/" + id + ".yaml differs from the plugin's copy");
      }
    }
    JobSpec curve = JobSpecs.parse(DemoJobs.yaml("digits-from-glyphs-budgets"), "budgets");
    assertEquals(List.of(1, 5, 10), curve.evaluation().labelBudgets());
    assertTrue(curve.sources().get(0).selects("store:glyphs-alnum"));
    assertFalse(curve.sources().get(0).selects("store:fashion-0-4"));
    JobSpec unlabelled = JobSpecs.parse(DemoJobs.yaml("digits-from-glyphs-unlabelled"), "k0");
    assertEquals("source-only", unlabelled.baseline());
    assertEquals(0, unlabelled.target().labelsPerClass());
  }

  @Test
  void materialiseWritesTheJobAndItsData() throws IOException {
    Path job = DemoJobs.materialise("digits-from-glyphs", temp.resolve("demo"));
    assertEquals(DemoJobs.yaml("digits-from-glyphs"), Files.readString(job));
    Path data = temp.resolve("demo/digits.csv.gz");
    try (var in = VisionData.UCI_DIGITS.open()) {
      assertEquals(in.readAllBytes().length, Files.size(data));
    }
    ConfigException e =
        assertThrows(ConfigException.class, () -> DemoJobs.materialise("mnist", temp));
    assertTrue(e.getMessage().contains("digits-from-glyphs"), e.getMessage());
  }

  @Test
  void aStoredSourceIsReusedOnlyWhenItsManifestMatches() {
    DemoSources.Spec spec = DemoSources.SOURCES.get(0);
    Path dir = temp.resolve("store").resolve(spec.name());
    assertFalse(DemoSources.upToDate(dir, spec, "sha256:abc"));
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("dataDigest", "sha256:abc");
    prov.put("recipe", spec.recipe());
    prov.put("seed", spec.seed());
    prov.put("epochs", spec.epochs());
    manifest(dir, prov);
    assertTrue(DemoSources.upToDate(dir, spec, "sha256:abc"));
    assertFalse(DemoSources.upToDate(dir, spec, "sha256:def"), "shipped data changed");
    prov.put("epochs", spec.epochs() + 1);
    manifest(dir, prov);
    assertFalse(DemoSources.upToDate(dir, spec, "sha256:abc"), "other settings");
  }

  private static void manifest(Path dir, Map<String, Object> provenance) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    new ModelManifest(
            1, List.of("serve"), null, Map.of("kind", "image"), List.of(), provenance, null)
        .writeTo(dir);
  }
}
