package dev.graft.sdk.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Minimal JSON text writers for the small sidecar files plugins write (data-set metadata, caches),
 * so a plugin needs no JSON library of its own. Output is deterministic: maps are written in key
 * order.
 */
public final class Json {

  private Json() {}

  /**
   * A JSON string literal.
   *
   * @param s the text
   * @return it quoted and escaped
   */
  public static String string(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * A JSON array of strings.
   *
   * @param values the strings
   * @return the array text
   */
  public static String list(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return sb.append(']').toString();
  }

  /**
   * A JSON object of string values, keys sorted.
   *
   * @param values the entries
   * @return the object text
   */
  public static String map(Map<String, String> values) {
    StringBuilder sb = new StringBuilder("{");
    new TreeMap<>(values)
        .forEach(
            (k, v) ->
                sb.append(sb.length() == 1 ? "" : ", ")
                    .append(string(k))
                    .append(": ")
                    .append(string(v)));
    return sb.append('}').toString();
  }

  /**
   * A JSON object of integer values, keys sorted.
   *
   * @param values the entries
   * @return the object text
   */
  public static String intMap(Map<String, Integer> values) {
    StringBuilder sb = new StringBuilder("{");
    values.forEach(
        (k, v) -> sb.append(sb.length() == 1 ? "" : ", ").append(string(k)).append(": ").append(v));
    return sb.append('}').toString();
  }
}
