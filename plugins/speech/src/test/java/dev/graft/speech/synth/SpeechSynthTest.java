package dev.graft.speech.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftException;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.dsp.NoiseGenerator;
import dev.graft.speech.read.AudioCsvReader;
import dev.graft.speech.read.WavFolderReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real espeak-ng (CI installs it): a tiny set is generated once for the class. */
class SpeechSynthTest {

  @TempDir static Path temp;

  static final SynthRequest REQUEST =
      new SynthRequest(
          List.of("yes", "no"),
          List.of("en-us+m3", "en-gb-scotland+f2"),
          List.of(160),
          List.of(40, 60),
          2,
          16_000,
          1.0,
          15,
          15,
          7);

  static SpeechSynth.Result result;
  static Espeak espeak;

  @BeforeAll
  static void generate() {
    espeak = Espeak.locate(Espeak.DEFAULT_PROGRAM);
    result = new SpeechSynth(espeak, 2).generate(REQUEST, temp.resolve("set"), line -> {});
  }

  @Test
  void writesTheSpeechCommandsLayoutWithAManifestAndAStamp() throws Exception {
    assertFalse(result.cached());
    assertEquals(16, result.clips()); // 2 words x 2 voices x 1 speed x 2 pitches x 2 repeats
    Path set = result.folder();
    try (Stream<Path> s = Files.list(set.resolve("yes"))) {
      assertEquals(8, s.count());
    }
    assertTrue(Files.exists(set.resolve("no/en-gb-scotland+f2-s160-p60_nohash_1.wav")));
    List<String> manifest = Files.readAllLines(set.resolve(SpeechSynth.MANIFEST));
    assertEquals("path,label,speaker", manifest.get(0));
    assertEquals(17, manifest.size());
    assertTrue(manifest.contains("yes/en-us+m3-s160-p40_nohash_0.wav,yes,en-us+m3-s160-p40"));
    String stamp = Files.readString(set.resolve(SpeechSynth.STAMP));
    assertTrue(stamp.contains(result.digest()), stamp);
    assertTrue(stamp.contains("\"voices\": [\"en-us+m3\", \"en-gb-scotland+f2\"]"), stamp);
    try (Stream<Path> s = Files.list(temp)) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith(".set.tmp-")),
          "no temporary folder is left next to the set");
    }
  }

  @Test
  void theClipsAreSpeechAtTheRequestedRateAndNoiseLevel() {
    ReadResult<Clip> folder = new WavFolderReader().read(result.folder(), ReadOptions.defaults());
    ReadResult<Clip> csv =
        new AudioCsvReader()
            .read(result.folder().resolve(SpeechSynth.MANIFEST), ReadOptions.defaults());
    assertEquals(16, folder.dataset().size());
    assertEquals(16, csv.dataset().size());
    assertEquals("4", folder.dataset().info().properties().get("speakers"));
    assertEquals("16000 Hz x16", folder.dataset().info().properties().get("source-rates"));
    for (Clip c : folder.dataset().examples()) {
      assertEquals(16_000, c.length());
      assertTrue(c.peak() > 0.1, c + " is loud enough to be speech");
    }
    // 15 dB SNR over the speech: the quietest 100 ms of a clip (noise only) is well below its
    // loudest 100 ms (speech + noise)
    float[] s = folder.dataset().example(0).samples();
    double quiet = Double.MAX_VALUE;
    double loud = 0;
    for (int start = 0; start + 1600 <= s.length; start += 800) {
      double db = NoiseGenerator.rmsDb(java.util.Arrays.copyOfRange(s, start, start + 1600));
      quiet = Math.min(quiet, db);
      loud = Math.max(loud == 0 ? -1e9 : loud, db);
    }
    assertTrue(loud - quiet > 12, "speech stands out of the noise: " + (loud - quiet) + " dB");
    assertTrue(quiet > -80, "there is background noise: " + quiet + " dB");
    // different speakers of one word differ
    assertNotEquals(folder.dataset().example(0), folder.dataset().example(2));
  }

  @Test
  void theSameRequestIsServedFromTheCacheAndAnotherIsNot() {
    SpeechSynth.Result again =
        new SpeechSynth(espeak, 1).generate(REQUEST, temp.resolve("set"), line -> {});
    assertTrue(again.cached());
    assertEquals(result.digest(), again.digest());
    SynthRequest other =
        new SynthRequest(
            List.of("yes", "no"),
            List.of("en-us+m3", "en-gb-scotland+f2"),
            List.of(160),
            List.of(40, 60),
            2,
            16_000,
            1.0,
            15,
            15,
            8);
    assertNotEquals(result.digest(), other.digest(espeak.version()));
  }

  @Test
  void theCommandReportsAMissingProgramAndUnknownVariantsClearly() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new SpeechSynthCommand(Map.of())
            .execute(
                List.of(
                    "--out",
                    temp.resolve("x").toString(),
                    "--voices",
                    "en-us",
                    "--espeak",
                    "/nonexistent/espeak-ng"),
                new PrintWriter(out),
                new PrintWriter(err));
    assertEquals(1, code);
    assertTrue(err.toString().contains("SPEECH-SYNTH-001"), err.toString());
    assertTrue(err.toString().contains("apt-get install espeak-ng"), err.toString());
    GraftException e =
        assertThrows(
            GraftException.class, () -> espeak.speak("yes", "en-us+nosuchvariant", 160, 50, temp));
    assertEquals(SpeechErrors.SYNTHESIS_FAILED, e.errorId());
    assertTrue(e.getMessage().contains("no variant 'nosuchvariant'"), e.getMessage());
    GraftException voice =
        assertThrows(
            GraftException.class, () -> espeak.speak("yes", "xx-nosuchvoice", 160, 50, temp));
    assertTrue(voice.getMessage().contains("exit 1"), voice.getMessage());
    assertThrows(
        ConfigException.class,
        () ->
            new SynthRequest(
                List.of("yes", "yes"),
                List.of("en"),
                List.of(160),
                List.of(50),
                1,
                16_000,
                1,
                10,
                20,
                1));
    assertEquals(
        List.of("yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "maybe"),
        SpeechSynthCommand.expandWords(List.of("keywords", "maybe")));
  }

  @Test
  void theCommandWritesIntoTheCacheWithoutOut() {
    StringWriter out = new StringWriter();
    int code =
        new SpeechSynthCommand(
                Map.of(SpeechSynthCommand.CACHE_ENV, temp.resolve("cache").toString()))
            .execute(
                List.of(
                    "--words", "go", "--voices", "en-us", "--noise-snr", "none", "--threads", "1"),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
    assertEquals(0, code, out.toString());
    assertTrue(
        out.toString().contains("wrote " + temp.resolve("cache").resolve("speech-synth")),
        out.toString());
    assertTrue(out.toString().contains("1 clips"), out.toString());
  }
}
