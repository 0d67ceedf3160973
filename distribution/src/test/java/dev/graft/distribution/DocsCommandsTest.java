package dev.graft.distribution;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shell command shown in {@code README.md} and {@code docs/*.md} (fenced {@code bash}, {@code
 * sh}, {@code shell} or {@code console} blocks) is either exercised — by {@code .ci/run}, by the
 * end-to-end test of this module, or by a named test, which must contain the evidence given here —
 * or on the explicit allow-list below with the reason it cannot run in the build. A command added
 * to the docs without an entry here fails this test.
 *
 * <p>Commands are compared after joining {@code \}-continued lines, dropping trailing {@code #}
 * comments and collapsing white space; in {@code console} blocks only {@code $ } lines are commands
 * (the rest is output).
 */
class DocsCommandsTest {

  /** Where a documented command is exercised: a file and a fragment it must contain. */
  record Exercised(String file, String evidence) {}

  private static final String CI = ".ci/run";
  private static final String E2E =
      "distribution/src/test/java/dev/graft/distribution/PluginAuthorEndToEndTest.java";
  private static final String CLI_TESTS = "core/cli/src/test/java/dev/graft/cli/";

  /** Documented commands that a build or CI step runs, with the evidence. */
  static final Map<String, Exercised> EXERCISED = new LinkedHashMap<>();

  /** Documented commands that cannot run in the build, with the reason. */
  static final Map<String, String> ALLOWED = new LinkedHashMap<>();

  static {
    // README: set-up
    EXERCISED.put(
        "mvn -B -ntp -DskipTests install && distribution/target/graft-0.1.0-SNAPSHOT/bin/graft demo",
        new Exercised(CI, "graft-0.1.0-SNAPSHOT/bin/graft\" demo"));
    EXERCISED.put("mvn -B -ntp verify", new Exercised(CI, "mvn -B -ntp verify"));
    EXERCISED.put("mvn -B -ntp install", new Exercised(CI, "mvn -B -ntp install"));
    // README: the tour
    ALLOWED.put(
        "G=distribution/target/graft-0.1.0-SNAPSHOT",
        "sets a shell variable for the commands below; nothing to run");
    EXERCISED.put(
        "$G/bin/graft --help", new Exercised(CLI_TESTS + "GraftCliTest.java", "\"--help\""));
    EXERCISED.put("$G/bin/graft plugins", new Exercised(E2E, "graft(home, env, \"plugins\""));
    EXERCISED.put(
        "GRAFT_PLUGINS=/path/to/plugins $G/bin/graft plugins",
        new Exercised(E2E, "ownEnv.put(\"GRAFT_PLUGINS\""));
    EXERCISED.put("$G/bin/graft run job.yaml", new Exercised(E2E, "\"run\", \"job.yaml\""));
    EXERCISED.put("$G/bin/graft rank job.yaml", new Exercised(E2E, "\"rank\", \"job.yaml\""));
    EXERCISED.put(
        "$G/bin/graft report runs/digits",
        new Exercised(CLI_TESTS + "ReportCommandTest.java", "run(\"report\""));
    EXERCISED.put(
        "$G/bin/graft predict --model runs/digits/model --reader pixel-csv --input new.csv"
            + " --option width=8",
        new Exercised(CI, "bin/graft predict"));
    EXERCISED.put(
        "$G/bin/graft estimate --features f.npy --labels y.csv --method logme,leep",
        new Exercised(CLI_TESTS + "estimate/EstimateCommandTest.java", "\"estimate\""));
    EXERCISED.put(
        "$G/bin/graft model inspect some/saved_model_dir",
        new Exercised(CLI_TESTS + "model/ModelCommandTest.java", "run(\"model\", \"inspect\""));
    // docs/plugin-guide.md: from archetype to published jar
    EXERCISED.put(
        "mvn archetype:generate -DarchetypeGroupId=dev.graft"
            + " -DarchetypeArtifactId=graft-plugin-archetype -DarchetypeVersion=0.1.0-SNAPSHOT"
            + " -DgroupId=com.acme -DartifactId=acme-graft-plugin -Dversion=1.0.0"
            + " -Dpackage=com.acme.graft -DpluginId=acme -DclassPrefix=Acme"
            + " -DinteractiveMode=false",
        new Exercised(E2E, "\"-DarchetypeArtifactId=graft-plugin-archetype\""));
    EXERCISED.put("cd acme-graft-plugin && mvn verify", new Exercised(E2E, "mvn(\"verify\")"));
    EXERCISED.put(
        "cp target/acme-graft-plugin-1.0.0.jar $GRAFT_HOME/plugins/",
        new Exercised(E2E, "Files.copy(jar, home.resolve(\"plugins\")"));
    EXERCISED.put(
        "$GRAFT_HOME/bin/graft plugins", new Exercised(E2E, "graft(home, env, \"plugins\""));
    EXERCISED.put(
        "$GRAFT_HOME/bin/graft run job.yaml", new Exercised(E2E, "\"run\", \"job.yaml\""));
    // docs/embedding.md
    EXERCISED.put(
        "mvn -B -ntp -f distribution/examples/embedding-host/pom.xml verify",
        new Exercised("distribution/pom.xml", "<module>examples/embedding-host</module>"));
  }

  private static final Pattern BLOCK =
      Pattern.compile(
          "^```(bash|sh|shell|console)[ \\t]*\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

  /** A command found in a doc. */
  record Documented(String file, String command) {}

  static List<Documented> commands(Path root) throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    try (Stream<Path> list = Files.list(root.resolve("docs"))) {
      list.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<Documented> out = new ArrayList<>();
    for (Path doc : docs) {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        boolean console = m.group(1).equals("console");
        for (String command : split(m.group(2), console)) {
          out.add(new Documented(root.relativize(doc).toString(), command));
        }
      }
    }
    return out;
  }

  /** The commands of one block, normalised. */
  static List<String> split(String block, boolean console) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : block.split("\n", -1)) {
      String line = raw;
      if (current.length() == 0) {
        if (console) {
          if (!line.startsWith("$ ")) {
            continue;
          }
          line = line.substring(2);
        }
        if (line.isBlank() || line.trim().startsWith("#")) {
          continue;
        }
      }
      line = line.replaceAll("\\s+#.*$", "");
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String command = current.toString().trim().replaceAll("\\s+", " ");
      current.setLength(0);
      if (!command.isEmpty()) {
        out.add(command);
      }
    }
    return out;
  }

  @Test
  void everyDocumentedCommandIsExercisedOrAllowed() throws IOException {
    Path root = Path.of(Commands.property("graft.repo.root")).toAbsolutePath().normalize();
    List<Documented> documented = commands(root);
    assertFalse(documented.isEmpty(), "no shell commands found in README.md and docs/*.md");
    List<String> problems = new ArrayList<>();
    for (Documented d : documented) {
      Exercised exercised = EXERCISED.get(d.command());
      if (exercised != null) {
        Path file = root.resolve(exercised.file());
        if (!Files.isRegularFile(file)
            || !Files.readString(file, StandardCharsets.UTF_8).contains(exercised.evidence())) {
          problems.add(
              d.file()
                  + ": `"
                  + d.command()
                  + "` is said to be exercised by "
                  + exercised.file()
                  + ", which does not contain `"
                  + exercised.evidence()
                  + "`");
        }
      } else if (!ALLOWED.containsKey(d.command())) {
        problems.add(
            d.file()
                + ": `"
                + d.command()
                + "` is neither exercised by a test or .ci/run nor allowed; run it in a test"
                + " (and add it to EXERCISED with the evidence) or add it to ALLOWED with the"
                + " reason in "
                + DocsCommandsTest.class.getSimpleName());
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void splitsBlocksIntoNormalisedCommands() {
    assertEquals(
        List.of("a --x 1 --y 2", "b"),
        split("# a comment\na --x 1 \\\n   --y 2   # trailing\n\nb\n", false));
    assertEquals(
        List.of("graft plugins"), split("$ graft plugins\nvision  0.1.0  STARTED\n", true));
  }

  private static void assertEquals(Object expected, Object actual) {
    org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
  }
}
