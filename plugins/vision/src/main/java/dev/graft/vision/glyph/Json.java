package dev.graft.vision.glyph;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Minimal JSON text for the glyph sidecar (the plugin does not bundle a JSON library). */
final class Json {

  private Json() {}

  static String string(String s) {
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

  static String list(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return sb.append(']').toString();
  }

  static String map(Map<String, String> values) {
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

  static String intMap(Map<String, Integer> values) {
    StringBuilder sb = new StringBuilder("{");
    values.forEach(
        (k, v) -> sb.append(sb.length() == 1 ? "" : ", ").append(string(k)).append(": ").append(v));
    return sb.append('}').toString();
  }
}
