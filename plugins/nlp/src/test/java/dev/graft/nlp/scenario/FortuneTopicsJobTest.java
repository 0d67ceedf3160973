package dev.graft.nlp.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import dev.graft.nlp.data.NlpData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario's job spec parses, matches its docs copy and names the scenario's categories. */
class FortuneTopicsJobTest {

  static String yaml() throws IOException {
    try (InputStream in =
        FortuneTopicsJobTest.class.getResourceAsStream("/dev/graft/nlp/jobs/fortune-topics.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theJobIsValidAndMatchesItsDocsCopy() throws IOException {
    String yaml = yaml();
    JobSpec spec = JobSpecs.parse(yaml, "fortune-topics.yaml");
    assertEquals("fortune-topics", spec.name());
    assertEquals("fortune", spec.target().reader());
    assertEquals(20, (int) spec.target().labelsPerClass());
    assertEquals(
        Map.of("categories", String.join(",", NlpData.TARGET_CATEGORIES)), spec.target().options());
    assertEquals("macro-f1", spec.evaluation().metric());
    assertEquals(5, (int) spec.evaluation().seeds());
    assertTrue(spec.strategies().stream().anyMatch(s -> s.id().equals("fine-tune")));
    assertTrue(spec.sources().get(0).selects("store:fortunes-cnn-sgns"));
    assertFalse(spec.sources().get(0).selects("store:glyphs-digits"));
    assertTrue(
        NlpData.SOURCE_CATEGORIES.stream().noneMatch(NlpData.TARGET_CATEGORIES::contains),
        "source and target categories are disjoint");
    assertEquals(List.of("food", "law", "love", "sports", "startrek"), NlpData.TARGET_CATEGORIES);
    Path docs = Path.of("../../docs/examples/nlp/fortune-topics.yaml");
    if (Files.isRegularFile(docs)) {
      assertEquals(yaml, Files.readString(docs), "docs/examples/nlp/fortune-topics.yaml differs");
    }
  }
}
