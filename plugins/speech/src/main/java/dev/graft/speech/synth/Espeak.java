package dev.graft.speech.synth;

import dev.graft.api.error.GraftException;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.wav.WavAudio;
import dev.graft.speech.wav.WavDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code espeak-ng} program: checks that it is there, lists its voice variants, and speaks
 * one word into a WAV file. Thread-safe (each call is its own process).
 */
public final class Espeak {

  /** The program run when none is given. */
  public static final String DEFAULT_PROGRAM = "espeak-ng";

  private static final long TIMEOUT_SECONDS = 60;

  private final String program;
  private final String version;
  private final Set<String> variants;

  private Espeak(String program, String version, Set<String> variants) {
    this.program = program;
    this.version = version;
    this.variants = variants;
  }

  /**
   * Finds the program and reads its version and variants.
   *
   * @param program the program name or path, e.g. {@code espeak-ng}
   * @return the runner
   * @throws GraftException SPEECH-SYNTH-001 if it cannot be run
   */
  public static Espeak locate(String program) {
    Run v;
    try {
      v = run(List.of(program, "--version"));
    } catch (IOException e) {
      throw missing(program, e.getMessage());
    }
    if (v.exitCode != 0) {
      throw missing(program, "it exited with " + v.exitCode + ": " + v.output.strip());
    }
    String version = v.output.strip().split("\\s+Data at:")[0].strip();
    Set<String> variants = new TreeSet<>();
    try {
      Run list = run(List.of(program, "--voices=variant"));
      for (String line : list.output.split("\n")) {
        String[] f = line.trim().split("\\s+");
        for (String field : f) {
          if (field.startsWith("!v/")) {
            variants.add(field.substring(3));
          }
        }
      }
    } catch (IOException e) {
      throw missing(program, e.getMessage());
    }
    return new Espeak(program, version, variants);
  }

  private static GraftException missing(String program, String why) {
    return new GraftException(
        SpeechErrors.ESPEAK_MISSING,
        "cannot run '"
            + program
            + "' ("
            + why
            + "); speech synthesis needs espeak-ng: install it (Debian/Ubuntu: apt-get install"
            + " espeak-ng) or pass --espeak PATH.");
  }

  /**
   * The program's version line, e.g. {@code eSpeak NG text-to-speech: 1.51}.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * The installed voice variants (the part after {@code +} in {@code en-us+m3}).
   *
   * @return variant names
   */
  public Set<String> variants() {
    return Set.copyOf(variants);
  }

  /**
   * Speaks a word.
   *
   * @param word the text
   * @param voice a voice with an optional variant, e.g. {@code en-gb-scotland+f2}
   * @param speed words per minute
   * @param pitch 0 to 99
   * @param scratch a folder for the temporary WAV file
   * @return the audio
   * @throws GraftException SPEECH-SYNTH-002 if espeak-ng fails or the variant is unknown
   */
  public WavAudio speak(String word, String voice, int speed, int pitch, Path scratch) {
    int plus = voice.indexOf('+');
    if (plus >= 0 && !variants.contains(voice.substring(plus + 1))) {
      throw new GraftException(
          SpeechErrors.SYNTHESIS_FAILED,
          "voice '"
              + voice
              + "': espeak-ng has no variant '"
              + voice.substring(plus + 1)
              + "' (it would silently use the plain voice); installed variants include "
              + String.join(", ", variants.stream().limit(20).toList())
              + ", ... (espeak-ng --voices=variant lists them).");
    }
    Path wav = null;
    try {
      wav = Files.createTempFile(scratch, "espeak-", ".wav");
      List<String> cmd =
          new ArrayList<>(List.of(program, "-v", voice, "-s", Integer.toString(speed)));
      cmd.addAll(List.of("-p", Integer.toString(pitch), "-w", wav.toString(), "--", word));
      Run r = run(cmd);
      if (r.exitCode != 0) {
        throw new GraftException(
            SpeechErrors.SYNTHESIS_FAILED,
            "espeak-ng failed for '"
                + word
                + "' with voice '"
                + voice
                + "' (exit "
                + r.exitCode
                + "): "
                + r.output.strip()
                + ". Check the voice with espeak-ng --voices.");
      }
      byte[] bytes = Files.readAllBytes(wav);
      try {
        return new WavDecoder().decode(bytes, word + " (" + voice + ")");
      } catch (GraftException e) {
        throw new GraftException(
            SpeechErrors.SYNTHESIS_FAILED,
            "espeak-ng produced no usable audio for '"
                + word
                + "' with voice '"
                + voice
                + "': "
                + e.getMessage(),
            e);
      }
    } catch (IOException e) {
      throw new GraftException(
          SpeechErrors.SYNTHESIS_FAILED,
          "cannot run espeak-ng for '" + word + "' with voice '" + voice + "': " + e,
          e);
    } finally {
      if (wav != null) {
        try {
          Files.deleteIfExists(wav);
        } catch (IOException ignored) {
          // a leftover temporary file in the scratch folder, which the caller deletes
        }
      }
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + TIMEOUT_SECONDS + " s");
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
