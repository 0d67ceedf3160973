package dev.graft.tensorflow.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.graft.api.error.ConfigException;
import java.util.Locale;

/** Convolution and pooling padding, as in TensorFlow. */
public enum Padding {
  /** Pad so that the output size is ceil(input / stride). */
  SAME,
  /** No padding. */
  VALID;

  /**
   * The lower-case JSON name.
   *
   * @return "same" or "valid"
   */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses "same" or "valid" case-insensitively.
   *
   * @param text the name
   * @return the padding
   * @throws ConfigException if the name is unknown
   */
  @JsonCreator
  public static Padding of(String text) {
    for (Padding p : values()) {
      if (p.name().equalsIgnoreCase(text)) {
        return p;
      }
    }
    throw new ConfigException("'padding' is '" + text + "'; it must be 'same' or 'valid'.");
  }
}
