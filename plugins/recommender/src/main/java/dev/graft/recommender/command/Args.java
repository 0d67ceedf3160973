package dev.graft.recommender.command;

import dev.graft.api.error.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} arguments of the recommender commands. */
final class Args {

  private final Map<String, String> values = new LinkedHashMap<>();

  Args(List<String> args, List<String> known, String command) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || i + 1 >= args.size()) {
        throw new ConfigException(
            "graft "
                + command
                + ": expected --option value pairs, got '"
                + a
                + "'; options: "
                + known
                + ".");
      }
      String name = a.substring(2);
      if (!known.contains(name)) {
        throw new ConfigException(
            "graft " + command + " has no option --" + name + "; options: " + known + ".");
      }
      values.put(name, args.get(++i));
    }
  }

  String get(String name, String def) {
    return values.getOrDefault(name, def);
  }

  String require(String name, String command) {
    String v = values.get(name);
    if (v == null) {
      throw new ConfigException("graft " + command + " needs --" + name + ".");
    }
    return v;
  }

  Map<String, String> prefixed(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }
}
