package dev.graft.nlp;

import dev.graft.api.error.ConfigException;

/**
 * One text example: the text (NFC-independent, as read) and where it came from ({@code file:line},
 * {@code file#record} or {@code generated}) for error messages. The NLP readers produce {@code
 * Dataset<Text>}; the {@code text} input encoder also accepts plain {@link CharSequence} examples.
 *
 * @param value the text, never null
 * @param origin where it was read, never null
 */
public record Text(String value, String origin) {

  /** Validates. */
  public Text {
    ConfigException.require(value != null, "text", null, "a string");
    origin = origin == null ? "generated" : origin;
  }

  /**
   * A text without a recorded origin.
   *
   * @param value the text
   * @return the example
   */
  public static Text of(String value) {
    return new Text(value, "generated");
  }

  /** The text itself. */
  @Override
  public String toString() {
    return value;
  }
}
