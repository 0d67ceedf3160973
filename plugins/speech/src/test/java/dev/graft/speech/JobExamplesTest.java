package dev.graft.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.engine.job.JobSpec;
import dev.graft.engine.job.JobSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The speech job files in docs/examples/speech parse as jobs, read their target with the wav-folder
 * reader, and their synthesis commands use the voices the benches use.
 */
class JobExamplesTest {

  static final Path EXAMPLES = Path.of("../../docs/examples/speech");

  @ParameterizedTest
  @ValueSource(strings = {"speaker-transfer", "task-transfer", "source-pool"})
  void parsesAsAJob(String name) throws Exception {
    Path file = EXAMPLES.resolve(name + ".yaml");
    JobSpec spec = JobSpecs.read(file);
    assertEquals("speech-" + name, spec.name());
    assertEquals("wav-folder", spec.target().reader());
    assertEquals(5, spec.target().labelsPerClass());
    assertEquals(5, spec.evaluation().seeds());
    String text = Files.readString(file);
    assertTrue(text.contains("graft datasets speech-synth --out " + spec.target().path()), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"speaker-transfer", "task-transfer", "source-pool"})
  void synthesisCommandsUseTheBenchVoices(String name) throws Exception {
    String text = Files.readString(EXAMPLES.resolve(name + ".yaml"));
    Matcher m = Pattern.compile("--voices ([^ ]+)").matcher(text);
    List<List<String>> known =
        List.of(
            dev.graft.speech.bench.SpeechScenariosAccess.sourceVoices(),
            dev.graft.speech.bench.SpeechScenariosAccess.targetVoices(),
            dev.graft.speech.bench.SpeechScenariosAccess.fewVoices());
    int found = 0;
    while (m.find()) {
      List<String> voices = List.of(m.group(1).split(","));
      assertTrue(known.contains(voices), name + ": unknown voice list " + voices);
      found++;
    }
    assertTrue(found > 0);
  }
}
