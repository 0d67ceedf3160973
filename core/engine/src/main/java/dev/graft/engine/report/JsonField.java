package dev.graft.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON value together with the file it came from and its JSON path ({@code $.outcomes[2].mean}),
 * so every complaint about it names both. Reads the typed values {@link ResultJsonReader} needs.
 */
final class JsonField {

  /** What to do about a malformed file, appended to every message. */
  static final String ADVICE =
      "The file is not a result.json written by Graft; re-run the job or restore the file.";

  private final String file;
  private final String path;
  private final JsonNode node;

  /**
   * Wraps a value.
   *
   * @param file the file to name in errors
   * @param path the value's JSON path
   * @param node the value
   */
  JsonField(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /**
   * A member of this object.
   *
   * @param name the member name
   * @return the member
   * @throws InvalidInputException GRAFT-IO-003 if this is not an object or lacks the member
   */
  JsonField get(String name) {
    requireObject();
    JsonNode child = node.get(name);
    String childPath = path + "." + name;
    if (child == null) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          file + ": at " + childPath + ": the field is missing. " + ADVICE);
    }
    return new JsonField(file, childPath, child);
  }

  /**
   * Where this value is, for messages.
   *
   * @return {@code "<file>: at <path>"}
   */
  String where() {
    return file + ": at " + path;
  }

  /**
   * Whether this value is JSON {@code null}.
   *
   * @return true for null
   */
  boolean isNull() {
    return node.isNull();
  }

  /**
   * This value as text.
   *
   * @return the text, or null for JSON null
   */
  String text() {
    if (node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw mismatch("a string");
    }
    return node.textValue();
  }

  /**
   * This value as non-null text.
   *
   * @return the text
   */
  String requiredText() {
    if (node.isNull()) {
      throw mismatch("a string");
    }
    return text();
  }

  /**
   * This value as a double: a number, {@code null} for NaN, or one of the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"}.
   *
   * @return the value
   */
  double number() {
    if (node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw mismatch("a number (or null for NaN)");
  }

  /**
   * This value as an int.
   *
   * @return the value
   */
  int integer() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw mismatch("an integer");
    }
    return node.intValue();
  }

  /**
   * This value as a boolean.
   *
   * @return the value
   */
  boolean bool() {
    if (!node.isBoolean()) {
      throw mismatch("true or false");
    }
    return node.booleanValue();
  }

  /**
   * This value as an ISO-8601 instant.
   *
   * @return the instant, or null for JSON null
   */
  Instant instant() {
    String text = text();
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          file
              + ": at "
              + path
              + ": expected an ISO-8601 instant such as 2024-05-01T12:00:00Z, found \""
              + text
              + "\". "
              + ADVICE,
          e);
    }
  }

  /**
   * This array's elements, each converted.
   *
   * @param element converts one element
   * @param <T> the element type
   * @return the converted elements, in order
   */
  <T> List<T> list(Function<JsonField, T> element) {
    if (!node.isArray()) {
      throw mismatch("an array");
    }
    List<T> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(element.apply(new JsonField(file, path + "[" + i + "]", node.get(i))));
    }
    return out;
  }

  /**
   * This object's members, each value converted, in file order.
   *
   * @param value converts one member value
   * @param <T> the value type
   * @return the members
   */
  <T> Map<String, T> map(Function<JsonField, T> value) {
    requireObject();
    Map<String, T> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey(),
                    value.apply(new JsonField(file, path + "." + e.getKey(), e.getValue()))));
    return out;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw mismatch("an object");
    }
  }

  private InvalidInputException mismatch(String expected) {
    String found = node.toString();
    if (found.length() > 60) {
      found = found.substring(0, 57) + "...";
    }
    return new InvalidInputException(
        GraftErrors.MALFORMED_FILE,
        file + ": at " + path + ": expected " + expected + ", found " + found + ". " + ADVICE);
  }
}
