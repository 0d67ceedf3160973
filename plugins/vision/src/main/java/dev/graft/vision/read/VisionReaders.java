package dev.graft.vision.read;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import java.util.EnumSet;
import java.util.Set;

/** What all of this plugin's readers declare. */
final class VisionReaders {

  /** Vision data for classification; nothing required. */
  static final Capabilities CAPABILITIES =
      new Capabilities(EnumSet.of(Modality.VISION), EnumSet.of(TaskType.CLASSIFICATION), Set.of());

  private VisionReaders() {}
}
