package dev.graft.speech.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCsvReaderTest {

  @TempDir Path temp;

  private final AudioCsvReader reader = new AudioCsvReader();

  @Test
  void readsPathsLabelsAndSpeakersInManifestOrder() throws Exception {
    TestAudio.write(temp.resolve("clips/a.wav"), TestAudio.toneWav(440, 22_050, 0.3));
    TestAudio.write(temp.resolve("clips/b.wav"), TestAudio.toneWav(660, 16_000, 0.3));
    TestAudio.write(temp.resolve("c.wav"), TestAudio.toneWav(880, 48_000, 1.2));
    Path csv =
        Files.writeString(
            temp.resolve("m.csv"),
            "path,label,speaker\nclips/a.wav,yes,alice\nclips/b.wav,no,bob\n\nc.wav,yes\n");
    assertTrue(reader.accepts(csv));
    ReadResult<Clip> r = reader.read(csv, ReadOptions.defaults());
    assertEquals(3, r.dataset().size());
    assertEquals(List.of("no", "yes"), r.dataset().classLabels().names());
    assertEquals(1, r.dataset().classLabels().get(0));
    assertEquals("alice", r.dataset().example(0).speaker());
    assertEquals("bob", r.dataset().example(1).speaker());
    assertEquals(null, r.dataset().example(2).speaker());
    assertEquals("2", r.dataset().info().properties().get("speakers"));
    assertEquals("true", r.dataset().info().properties().get("speaker-column"));
    for (Clip c : r.dataset().examples()) {
      assertEquals(16_000, c.length());
    }
  }

  @Test
  void badRowsAreReportedWithLineNumbers() throws Exception {
    TestAudio.write(temp.resolve("a.wav"), TestAudio.toneWav(440, 16_000, 0.3));
    TestAudio.write(temp.resolve("bad.wav"), "RIFF....WAVEjunk".getBytes());
    Path csv =
        Files.writeString(
            temp.resolve("m.csv"),
            "a.wav,yes\na.wav\nmissing.wav,no\na.wav,\nbad.wav,no\na.wav,no,s,extra\n");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(csv, ReadOptions.defaults()));
    String m = e.getMessage();
    for (String s :
        List.of(
            "m.csv:2: row has 1 fields",
            "m.csv:3: clip 'missing.wav' does not exist",
            "m.csv:4: the label is empty",
            "m.csv:5 (bad.wav): no fmt chunk",
            "m.csv:6: row has 4 fields")) {
      assertTrue(m.contains(s), "missing '" + s + "' in\n" + m);
    }
    ReadResult<Clip> r = reader.read(csv, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(1, r.dataset().size());
    assertEquals(5, r.skipped().size());
    Path empty = Files.writeString(temp.resolve("e.csv"), "path,label\n");
    InvalidInputException none =
        assertThrows(InvalidInputException.class, () -> reader.read(empty, ReadOptions.defaults()));
    assertEquals(SpeechErrors.NO_CLIPS, none.errorId());
  }
}
