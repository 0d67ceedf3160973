package dev.graft.speech;

import dev.graft.speech.synth.Espeak;
import dev.graft.speech.synth.SpeechSynth;
import dev.graft.speech.synth.SynthRequest;
import java.nio.file.Path;
import java.util.List;

/** Tiny espeak-ng keyword sets for tests (CI installs espeak-ng). */
public final class SynthFixture {

  private SynthFixture() {}

  /**
   * Generates {@code words} said by four speakers (two voices, two pitches), twice each.
   *
   * @param dir where to write the set
   * @param words the words (class names)
   * @return the set's folder
   */
  public static Path generate(Path dir, List<String> words) {
    SynthRequest request =
        new SynthRequest(
            words,
            List.of("en-us+m3", "en-gb+f2"),
            List.of(160),
            List.of(40, 60),
            2,
            16_000,
            1.0,
            20,
            30,
            3);
    return new SpeechSynth(Espeak.locate(Espeak.DEFAULT_PROGRAM), 2)
        .generate(request, dir, line -> {})
        .folder();
  }
}
