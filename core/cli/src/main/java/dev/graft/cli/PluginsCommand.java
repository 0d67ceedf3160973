package dev.graft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graft.api.extension.GraftExtension;
import dev.graft.engine.plugin.ExtensionPoints;
import dev.graft.engine.plugin.PluginInfo;
import dev.graft.engine.plugin.PluginProblem;
import dev.graft.engine.plugin.RegisteredExtension;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code graft plugins}: the plugins found, their extensions by point, and any problems. */
@Command(
    name = "plugins",
    description =
        "List plugins (id, version, state), extensions by extension point, and plugins that could"
            + " not be loaded.")
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand GraftCli root;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    {
      HostSession session = root.session();
      List<PluginInfo> plugins = session.host().plugins();
      List<PluginProblem> problems = session.host().problems();
      Map<String, List<RegisteredExtension<?>>> byPoint = new LinkedHashMap<>();
      for (Class<? extends GraftExtension> point : ExtensionPoints.ALL) {
        byPoint.put(
            ExtensionPoints.displayName(point), new ArrayList<>(session.registry().all(point)));
      }
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pluginsDir", session.host().pluginsDir().map(Object::toString).orElse(null));
        doc.put("plugins", plugins);
        Map<String, List<Map<String, String>>> ext = new LinkedHashMap<>();
        byPoint.forEach(
            (point, list) -> {
              List<Map<String, String>> rows = new ArrayList<>();
              for (RegisteredExtension<?> r : list) {
                rows.add(
                    Map.of("id", r.id(), "origin", r.origin(), "description", r.description()));
              }
              ext.put(point, rows);
            });
        doc.put("extensions", ext);
        List<Map<String, String>> probs = new ArrayList<>();
        for (PluginProblem p : problems) {
          probs.add(
              Map.of(
                  "pluginId", p.pluginId(),
                  "location", p.location(),
                  "errorId", p.errorId().code(),
                  "reason", p.reason()));
        }
        doc.put("problems", probs);
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        return GraftCli.EXIT_OK;
      }
      out.println(
          "Plugins folder: "
              + session.host().pluginsDir().map(Object::toString).orElse("(none configured)"));
      out.println();
      if (plugins.isEmpty()) {
        out.println("No plugins found.");
      } else {
        out.printf("%-24s %-14s %-10s %s%n", "PLUGIN", "VERSION", "STATE", "LOCATION");
        for (PluginInfo p : plugins) {
          out.printf("%-24s %-14s %-10s %s%n", p.id(), p.version(), p.state(), p.location());
        }
      }
      out.println();
      out.println("Extensions:");
      byPoint.forEach(
          (point, list) -> {
            out.println("  " + point + ":" + (list.isEmpty() ? " (none)" : ""));
            for (RegisteredExtension<?> r : list) {
              out.printf("    %-22s %-14s %s%n", r.id(), "[" + r.origin() + "]", r.description());
            }
          });
      if (!problems.isEmpty()) {
        out.println();
        out.println("Problems (" + problems.size() + "), skipped:");
        for (PluginProblem p : problems) {
          out.println("  " + p);
        }
      }
      return GraftCli.EXIT_OK;
    }
  }
}
