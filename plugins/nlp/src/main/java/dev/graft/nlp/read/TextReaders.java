package dev.graft.nlp.read;

import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.read.ReaderOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the text readers share. */
final class TextReaders {

  /** Text, classification, no requirements. */
  static final Capabilities CAPABILITIES =
      new Capabilities(EnumSet.of(Modality.TEXT), EnumSet.of(TaskType.CLASSIFICATION), Set.of());

  private TextReaders() {}

  /**
   * The {@code classes} option: class names to keep, in order.
   *
   * @param opts the checked options (must declare {@code classes})
   * @return the names, empty for all
   */
  static List<String> classes(ReaderOptions opts) {
    String raw = opts.string("classes").orElse("");
    Set<String> out = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        if (!out.add(part.strip())) {
          throw opts.invalid("classes", raw, "distinct class names (" + part.strip() + " repeats)");
        }
      }
    }
    return new ArrayList<>(out);
  }
}
