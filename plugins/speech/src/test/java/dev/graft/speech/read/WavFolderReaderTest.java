package dev.graft.speech.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.TestAudio;
import dev.graft.speech.dsp.ResamplerTestAccess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFolderReaderTest {

  @TempDir Path temp;

  private final WavFolderReader reader = new WavFolderReader();

  /** yes: a 16 kHz PCM clip and a 44.1 kHz stereo float clip; no: an 8 kHz 24-bit clip. */
  private Path mixedFolder() {
    Path root = temp.resolve("commands");
    TestAudio.write(root.resolve("yes/a1b2_nohash_0.wav"), TestAudio.toneWav(440, 16_000, 0.5));
    float[] left = TestAudio.tone(880, 0.4, 44_100, 44_100);
    float[] stereo = new float[2 * left.length];
    for (int i = 0; i < left.length; i++) {
      stereo[2 * i] = left[i];
      stereo[2 * i + 1] = left[i];
    }
    TestAudio.write(
        root.resolve("yes/c3d4_nohash_1.wav"), TestAudio.wav(3, 32, 44_100, 2, stereo, false));
    TestAudio.write(
        root.resolve("no/deep/e5_nohash_0.wav"),
        TestAudio.wav(1, 24, 8_000, 1, TestAudio.tone(300, 0.5, 8_000, 12_000), false));
    TestAudio.write(
        root.resolve("_background_noise_/white.wav"), TestAudio.toneWav(100, 16_000, 2));
    TestAudio.write(root.resolve("README.md"), "hello".getBytes());
    return root;
  }

  @Test
  void readsClassFoldersResamplingEveryClipToOneRateAndLength() {
    ReadResult<Clip> r = reader.read(mixedFolder(), ReadOptions.defaults());
    Dataset<Clip> d = r.dataset();
    assertEquals(3, d.size());
    assertEquals(List.of("no", "yes"), d.classLabels().names());
    assertEquals(Modality.AUDIO, d.info().modality());
    for (Clip c : d.examples()) {
      assertEquals(16_000, c.sampleRate());
      assertEquals(16_000, c.length());
    }
    assertEquals("e5", d.example(0).speaker());
    assertEquals("a1b2", d.example(1).speaker());
    Map<String, String> p = d.info().properties();
    assertEquals("16000", p.get("sample-rate"));
    assertEquals("16000 samples, zero-pad/crop, align energy", p.get("clip-length"));
    assertEquals("8000 Hz x1, 16000 Hz x1, 44100 Hz x1", p.get("source-rates"));
    assertEquals("float32 x1, pcm16 x1, pcm24 x1", p.get("source-encodings"));
    assertEquals("1", p.get("downmixed-clips"));
    assertEquals("1", p.get("ignored-folders"));
    assertEquals("1", p.get("ignored-root-files"));
    assertEquals("3", p.get("speakers"));
    // the 44.1 kHz stereo tone came through as an 880 Hz tone at 16 kHz, 1 s cropped from 1 s
    float[] s = d.example(2).samples();
    assertEquals(0.4, ResamplerTestAccess.amplitudeAt(s, 880, 16_000, 800), 0.005);
    // the 1.5 s, 8 kHz clip was cropped to 1 s around its (uniform) energy
    assertEquals(
        0.5, ResamplerTestAccess.amplitudeAt(d.example(0).samples(), 300, 16_000, 800), 0.005);
  }

  @Test
  void optionsChangeRateLengthAndAlignment() {
    ReadResult<Clip> r =
        reader.read(
            mixedFolder(),
            new ReadOptions(
                BadInputPolicy.FAIL,
                0,
                Map.of("sample-rate", "8000", "clip-seconds", "0.25", "align", "start")));
    for (Clip c : r.dataset().examples()) {
      assertEquals(8_000, c.sampleRate());
      assertEquals(2_000, c.length());
    }
    ReadResult<Clip> asIs =
        reader.read(
            mixedFolder(), new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("clip-seconds", "0")));
    assertEquals(24_000, asIs.dataset().example(0).length()); // 1.5 s at 16 kHz
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                reader.read(
                    mixedFolder(),
                    new ReadOptions(BadInputPolicy.FAIL, 0, Map.of("align", "left"))));
    assertEquals(GraftErrors.INVALID_READER_OPTION, e.errorId());
    assertTrue(e.getMessage().contains("option 'align' is 'left'"), e.getMessage());
  }

  @Test
  void badFilesAreAllListedWithFailAndSkippedWithSkip() {
    Path root = mixedFolder();
    TestAudio.write(root.resolve("no/notes.txt"), "x".getBytes());
    TestAudio.write(root.resolve("no/empty.wav"), new byte[0]);
    TestAudio.write(
        root.resolve("no/silent.wav"), TestAudio.wav(1, 16, 16_000, 1, new float[1600], false));
    byte[] full = TestAudio.toneWav(440, 16_000, 0.2);
    TestAudio.write(root.resolve("yes/cut.wav"), java.util.Arrays.copyOf(full, 500));
    TestAudio.write(
        root.resolve("yes/mulaw.wav"),
        TestAudio.wav(7, 8, 8_000, 1, new float[] {0.1f, 0.2f}, false));
    TestAudio.write(
        root.resolve("yes/rate.wav"), TestAudio.wav(1, 16, 50, 1, new float[] {0.1f, 0.2f}, false));
    TestAudio.write(root.resolve("yes/mp3.wav"), "ID3 mp3 data here".getBytes());
    TestAudio.write(root.resolve("up/x.txt"), "y".getBytes());
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> reader.read(root, ReadOptions.defaults()));
    assertEquals(GraftErrors.BAD_INPUTS, e.errorId());
    String m = e.getMessage();
    assertTrue(m.contains("found 9 bad inputs"), m);
    for (String s :
        List.of(
            "no/notes.txt: not a WAV file",
            "no/empty.wav: file is empty (0 bytes)",
            "no/silent.wav: clip is silent (peak -inf dBFS, below the -60.0 dBFS threshold)",
            "yes/cut.wav: data chunk declares 6400 bytes but the file holds only 456",
            "yes/mulaw.wav: encoding 0x0007 (mu-law) is not supported",
            "yes/rate.wav: sample rate 50 Hz is outside",
            "yes/mp3.wav: not a RIFF/WAVE file",
            "up/: class folder holds no WAV files",
            "on-bad-input=skip")) {
      assertTrue(m.contains(s), "missing '" + s + "' in\n" + m);
    }
    ReadResult<Clip> r = reader.read(root, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of()));
    assertEquals(3, r.dataset().size());
    assertEquals(9, r.skipped().size());
    assertEquals("9", r.dataset().info().properties().get("skipped"));
    assertEquals(List.of("no", "yes"), r.dataset().classLabels().names());
    // silent clips pass with silence-db=off
    ReadResult<Clip> loud =
        reader.read(root, new ReadOptions(BadInputPolicy.SKIP, 0, Map.of("silence-db", "off")));
    assertEquals(4, loud.dataset().size());
  }

  @Test
  void maxExamplesTakesClassesRoundRobinAndNamesAreParsed() {
    ReadResult<Clip> r =
        reader.read(mixedFolder(), new ReadOptions(BadInputPolicy.FAIL, 2, Map.of()));
    assertEquals(2, r.dataset().size());
    assertEquals(2, r.dataset().classLabels().presentClasses());
    assertEquals("abc", WavFolderReader.speakerOf(Path.of("x/abc_nohash_3.wav")));
    assertNull(WavFolderReader.speakerOf(Path.of("x/abc.wav")));
  }

  @Test
  void aFolderWithoutClassesIsAClearError() {
    TestAudio.write(temp.resolve("flat/a.wav"), TestAudio.toneWav(440, 16_000, 0.1));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> reader.read(temp.resolve("flat"), ReadOptions.defaults()));
    assertEquals(SpeechErrors.NO_CLIPS, e.errorId());
    assertTrue(reader.accepts(mixedFolder()));
    assertTrue(!reader.accepts(temp.resolve("flat")));
  }
}
