package dev.graft.speech.read;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.Set;

/** What the speech readers share. */
final class SpeechReaders {

  /** Audio, classification. */
  static final Capabilities CAPABILITIES =
      new Capabilities(EnumSet.of(Modality.AUDIO), EnumSet.of(TaskType.CLASSIFICATION), Set.of());

  private SpeechReaders() {}
}
