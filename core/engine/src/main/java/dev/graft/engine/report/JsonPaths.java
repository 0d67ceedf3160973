package dev.graft.engine.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Names the place a JSON syntax error happened as a JSON path such as {@code $.ranking[0]}. */
final class JsonPaths {

  private JsonPaths() {}

  /**
   * Where the parser was when it failed.
   *
   * @param error the parse error
   * @return {@code " (near $.a.b[1])"}, or an empty string if the parser state is unknown
   */
  static String near(JsonProcessingException error) {
    if (!(error.getProcessor() instanceof JsonParser parser)
        || parser.getParsingContext() == null) {
      return "";
    }
    return " (near " + toPath(parser.getParsingContext().pathAsPointer()) + ")";
  }

  /**
   * Converts a JSON pointer ({@code /a/0/b}) to a JSON path ({@code $.a[0].b}).
   *
   * @param pointer the pointer
   * @return the path
   */
  static String toPath(JsonPointer pointer) {
    StringBuilder path = new StringBuilder("$");
    for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
      if (p.mayMatchElement()) {
        path.append('[').append(p.getMatchingIndex()).append(']');
      } else {
        path.append('.').append(p.getMatchingProperty());
      }
    }
    return path.toString();
  }
}
