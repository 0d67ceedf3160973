package dev.graft.nlp.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTextReaderTest {

  @TempDir Path temp;

  private final JsonlTextReader reader = new JsonlTextReader();

  @Test
  void readsObjectsWithStringOrNumberLabelsAndUnicode() throws IOException {
    Path f =
        Files.writeString(
            temp.resolve("d.jsonl"),
            "{\"text\": \"Caf\\u00e9 au lait\", \"label\": 2}\n\n{\"text\": \"Ça va? \u263a\", \"label\": 10, \"x\": 1}\n");
    Dataset<Text> d = reader.read(f, ReadOptions.defaults()).dataset();
    assertEquals(2, d.size());
    assertEquals("Café au lait", d.example(0).value());
    assertEquals("Ça va? \u263a", d.example(1).value());
    assertEquals(List.of("2", "10"), d.classLabels().names(), "numeric labels sort as numbers");
    assertEquals(f + ":3", d.example(1).origin());
  }

  @Test
  void aFieldNoRecordHasSuggestsTheClosestOne() throws IOException {
    Path f = Files.writeString(temp.resolve("d.jsonl"), "{\"body\": \"a\", \"labels\": \"x\"}\n");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    f, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("text-field", "body"))));
    assertEquals(NlpErrors.MISSING_COLUMN, e.errorId());
    assertTrue(e.getMessage().contains("did you mean 'labels'"), e.getMessage());
  }

  @Test
  void malformedLinesAreReportedByLine() throws IOException {
    Path f =
        Files.writeString(
            temp.resolve("d.jsonl"),
            "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"broken\n[1, 2]\n{\"label\": \"a\"}\n{\"text\": \"  \", \"label\": \"a\"}\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(f, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains(f + ":2: not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains(f + ":3: not a JSON object"), e.getMessage());
    assertTrue(e.getMessage().contains(f + ":4: the object has no field 'text'"), e.getMessage());
    assertTrue(e.getMessage().contains(f + ":5: the text is empty"), e.getMessage());
    ReadResult<Text> r = reader.read(f, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(1, r.dataset().size());
    assertEquals(4, r.skipped().size());
  }
}
