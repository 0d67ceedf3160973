package dev.graft.speech.bench;

import java.util.List;

/** The scenario voice lists, for the job-file test. */
public final class SpeechScenariosAccess {

  private SpeechScenariosAccess() {}

  /**
   * The source voices.
   *
   * @return the list
   */
  public static List<String> sourceVoices() {
    return SpeechScenarios.SOURCE_VOICES;
  }

  /**
   * The target voices.
   *
   * @return the list
   */
  public static List<String> targetVoices() {
    return SpeechScenarios.TARGET_VOICES;
  }

  /**
   * The few-speakers voices.
   *
   * @return the list
   */
  public static List<String> fewVoices() {
    return SpeechScenarios.FEW_VOICES;
  }
}
