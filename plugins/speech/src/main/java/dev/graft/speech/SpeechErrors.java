package dev.graft.speech;

import dev.graft.api.error.ErrorId;

/**
 * The speech plugin's error ids. Codes are stable; {@code docs/speech.md} explains each one and
 * what to do about it.
 */
public enum SpeechErrors implements ErrorId {
  /** A file is not a RIFF/WAVE file, or its chunks are malformed. */
  NOT_A_WAV("SPEECH-READ-001", "not a WAV file"),
  /** A WAV file's data chunk is shorter than its header declares, or ends inside a frame. */
  TRUNCATED_WAV("SPEECH-READ-002", "truncated WAV file"),
  /** A WAV file uses an encoding other than PCM 8/16/24/32-bit or IEEE float 32/64-bit. */
  UNSUPPORTED_ENCODING("SPEECH-READ-003", "unsupported WAV encoding"),
  /** A WAV file has no samples. */
  EMPTY_CLIP("SPEECH-READ-004", "empty clip"),
  /** A clip's peak level is below the silence threshold. */
  SILENT_CLIP("SPEECH-READ-005", "silent clip"),
  /** A WAV file's sample rate or channel count is outside the supported range. */
  BAD_SAMPLE_RATE("SPEECH-READ-006", "sample rate or channel count out of range"),
  /** A CSV manifest row has the wrong number of fields, an empty label or a missing file. */
  MALFORMED_MANIFEST_ROW("SPEECH-READ-007", "malformed manifest row"),
  /** A class folder holds no WAV files. */
  EMPTY_CLASS_FOLDER("SPEECH-READ-008", "empty class folder"),
  /** The input holds no clips at all (or every one was skipped). */
  NO_CLIPS("SPEECH-READ-009", "no clips found"),
  /** A feature or augmentation setting is out of range or inconsistent with another. */
  INVALID_FEATURE_SPEC("SPEECH-FEATURE-001", "invalid feature settings"),
  /** The {@code espeak-ng} program is not installed or not runnable. */
  ESPEAK_MISSING("SPEECH-SYNTH-001", "espeak-ng not available"),
  /** {@code espeak-ng} failed for a word and voice, or produced no audio. */
  SYNTHESIS_FAILED("SPEECH-SYNTH-002", "speech synthesis failed");

  private final String code;
  private final String title;

  SpeechErrors(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
