package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.engine.GraftVersion;
import dev.graft.testkit.plugin.ExtensionSources;
import dev.graft.testkit.plugin.PluginJarBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraftCliTest {

  @TempDir Path temp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GraftCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void versionPrintsGraftAndJava() {
    Result r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("graft " + GraftVersion.current()), r.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result r = run("plugins", "--no-such-option");
    assertEquals(GraftCli.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void pluginsListsDroppedJarsAndReportsBrokenOnes() {
    Path plugins = temp.resolve("plugins");
    ExtensionSources.probePlugin("acme-probe", "acme-probe").writeTo(plugins);
    PluginJarBuilder.plugin("broken", "1.0.0")
        .omitManifestEntry("Plugin-Id")
        .source("com.acme.Nothing", "package com.acme; public class Nothing {}")
        .writeTo(plugins);

    Result r = run("plugins", "--plugins", plugins.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s).*acme-probe\\s+1\\.2\\.3\\s+STARTED.*"), r.out());
    assertTrue(r.out().contains("transferability-estimator:"), r.out());
    assertTrue(
        r.out().matches("(?s).*acme-probe\\s+\\[acme-probe\\]\\s+test estimator on cpu.*"),
        r.out());
    assertTrue(r.out().contains("GRAFT-PLUGIN-001"), r.out());
    assertTrue(r.out().contains("broken-1.0.0.jar"), r.out());

    Result json = run("plugins", "--json", "--plugins", plugins.toString());
    assertEquals(0, json.code());
    assertTrue(json.out().contains("\"errorId\" : \"GRAFT-PLUGIN-001\""), json.out());
    assertTrue(json.out().contains("\"id\" : \"acme-probe\""), json.out());
  }

  @Test
  void pluginCommandsAreMountedUnderTheirPathAndGetTheirArguments() {
    Path plugins = temp.resolve("plugins");
    PluginJarBuilder.plugin("greeter", "1.0.0")
        .source(
            "com.acme.greet.Hello",
            "package com.acme.greet;\n"
                + "import dev.graft.api.command.PluginCommand;\n"
                + "import dev.graft.api.extension.*;\n"
                + "import java.io.PrintWriter;\n"
                + "import java.util.*;\n"
                + "@org.pf4j.Extension\n"
                + "public class Hello implements PluginCommand {\n"
                + "  public String id() { return \"datasets-hello\"; }\n"
                + "  public String description() { return \"Say hello.\"; }\n"
                + "  public Capabilities capabilities() { return Capabilities.anyModality("
                + "EnumSet.allOf(TaskType.class), Set.of()); }\n"
                + "  public List<String> path() { return List.of(\"datasets\", \"hello\"); }\n"
                + "  public int execute(List<String> args, PrintWriter out, PrintWriter err) {\n"
                + "    if (args.isEmpty()) { err.println(\"usage: hello NAME\"); return 2; }\n"
                + "    out.println(\"hello \" + String.join(\" \", args)); return 0;\n"
                + "  }\n}\n")
        .writeTo(plugins);

    Result r = run("--plugins", plugins.toString(), "datasets", "hello", "--loud", "world");
    assertEquals(0, r.code(), r.err());
    assertEquals("hello --loud world", r.out().trim());
    Result usage = run("--plugins", plugins.toString(), "datasets", "hello");
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("usage: hello NAME"), usage.err());
    Result help = run("--plugins", plugins.toString(), "--help");
    assertTrue(help.out().contains("datasets"), help.out());
    Result listed = run("plugins", "--plugins", plugins.toString());
    assertTrue(listed.out().contains("plugin-command:"), listed.out());
    assertTrue(listed.out().contains("datasets-hello"), listed.out());
  }

  @Test
  void doctorReportsTensorFlowOnCpuOffline() {
    Path plugins = temp.resolve("plugins");
    ExtensionSources.probePlugin("acme-probe", "acme-probe").writeTo(plugins);
    Result r = run("doctor", "--plugins", plugins.toString());
    assertTrue(r.out().contains("TensorFlow   2.16.1"), r.out() + r.err());
    assertTrue(r.out().contains("cpu"), r.out());
    assertTrue(r.out().contains("1 found, 1 started"), r.out());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("No problems found."), r.out());
  }

  @Test
  void doctorExitsFourWhenThePluginsFolderIsMissing() {
    Result r = run("doctor", "--plugins", temp.resolve("nope").toString());
    assertEquals(GraftCli.EXIT_PROBLEMS, r.code(), r.out());
    assertTrue(r.out().contains("GRAFT-PLUGIN-009"), r.out());
  }
}
