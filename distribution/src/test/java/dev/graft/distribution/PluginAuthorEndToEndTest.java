package dev.graft.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin author's path, end to end, on the built {@code graft-<version>.tar.gz}: unpack it into
 * a temporary folder, generate a plugin from {@code graft-plugin-archetype}, build it with Maven
 * (offline, the build's own local repository), drop its jar into the unpacked {@code plugins/}, see
 * its extensions in {@code bin/graft plugins}, and use its estimator and strategy in a {@code
 * bin/graft run} on the real UCI digits the vision plugin ships, from a source pretrained with
 * {@code bin/graft pretrain vision}.
 *
 * <p>Needs the archetype and Graft's artifacts in the local repository: the reactor installs them
 * before this module's integration-test phase under {@code mvn install}.
 */
class PluginAuthorEndToEndTest {

  private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration GRAFT_TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path temp;

  private String version;
  private Path logs;

  private List<String> mvn(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Commands.mavenHome().resolve("bin/mvn").toString());
    cmd.addAll(List.of("-B", "-ntp", "-o", "-Dmaven.repo.local=" + Commands.localRepository()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private String graft(Path home, Map<String, String> env, String name, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/graft").toString());
    cmd.addAll(List.of(args));
    return Commands.run(cmd, temp, env, GRAFT_TIMEOUT, logs.resolve(name + ".log"));
  }

  @Test
  void aPluginGeneratedFromTheArchetypeLoadsAndRunsInTheDistribution() throws Exception {
    version = Commands.property("graft.version");
    logs = Files.createDirectories(temp.resolve("logs"));
    Path archive = Path.of(Commands.property("graft.archive"));
    assertTrue(Files.isRegularFile(archive), "the distribution archive " + archive);

    // 1. unpack the distribution as a user would
    Path install = Files.createDirectories(temp.resolve("install"));
    Commands.run(
        List.of("tar", "xzf", archive.toString()),
        install,
        Map.of(),
        Duration.ofMinutes(2),
        logs.resolve("tar.log"));
    Path home = install.resolve("graft-" + version);
    assertTrue(Files.isExecutable(home.resolve("bin/graft")), "bin/graft in " + home);

    // 2. generate a plugin from the archetype and build it (offline, same local repository)
    Path work = Files.createDirectories(temp.resolve("work"));
    Commands.run(
        mvn(
            "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
            "-DinteractiveMode=false",
            "-DarchetypeCatalog=local",
            "-DarchetypeGroupId=dev.graft",
            "-DarchetypeArtifactId=graft-plugin-archetype",
            "-DarchetypeVersion=" + version,
            "-DgroupId=com.acme",
            "-DartifactId=acme-graft-plugin",
            "-Dversion=1.0.0",
            "-Dpackage=com.acme.graft",
            "-DpluginId=acme",
            "-DclassPrefix=Acme"),
        work,
        Map.of(),
        MAVEN_TIMEOUT,
        logs.resolve("generate.log"));
    Path project = work.resolve("acme-graft-plugin");
    String build =
        Commands.run(
            mvn("verify"), project, Map.of(), MAVEN_TIMEOUT, logs.resolve("plugin-build.log"));
    assertTrue(build.contains("BUILD SUCCESS"), "the generated plugin builds and its tests pass");
    Path jar = project.resolve("target/acme-graft-plugin-1.0.0.jar");
    assertTrue(Files.isRegularFile(jar), jar + " was built");

    // 3. drop it into the distribution's plugins folder and list it
    Files.copy(jar, home.resolve("plugins").resolve(jar.getFileName()));
    Map<String, String> env =
        Map.of(
            "GRAFT_MODEL_STORE", temp.resolve("models").toString(),
            "GRAFT_CACHE", temp.resolve("cache").toString(),
            "GRAFT_HOME", home.toString());
    String plugins = graft(home, env, "plugins", "plugins");
    for (String id :
        List.of(
            "acme-csv",
            "acme-centroid-margin",
            "acme-nearest-centroid",
            "acme-top2-accuracy",
            "acme-csv-source")) {
      assertTrue(plugins.contains(id), "graft plugins lists " + id + ":\n" + plugins);
    }
    assertTrue(plugins.contains("acme"), "graft plugins lists the plugin:\n" + plugins);
    // ... and from another folder named by GRAFT_PLUGINS, holding only the new plugin
    Path own = Files.createDirectories(temp.resolve("own-plugins"));
    Files.copy(jar, own.resolve(jar.getFileName()));
    Map<String, String> ownEnv = new java.util.HashMap<>(env);
    ownEnv.put("GRAFT_PLUGINS", own.toString());
    String ownPlugins = graft(home, ownEnv, "own-plugins", "plugins");
    assertTrue(ownPlugins.contains("acme-csv-source"), ownPlugins);
    assertTrue(!ownPlugins.contains("pixel-csv"), "only GRAFT_PLUGINS is read:\n" + ownPlugins);

    // 4. a source (small-cnn on the shipped glyph digits, 2 epochs) and the shipped UCI digits
    graft(
        home,
        env,
        "pretrain",
        "pretrain",
        "vision",
        "--shipped=glyph-digits",
        "--name=glyphs-quick",
        "--epochs=2",
        "--store=" + temp.resolve("models"));
    copyFromJar(
        home.resolve("plugins/graft-vision-" + version + ".jar"),
        "dev/graft/vision/data/digits.csv.gz",
        temp.resolve("digits.csv.gz"));

    // 5. a job that ranks with the plugin's estimator and transfers with its strategy
    Files.writeString(
        temp.resolve("job.yaml"),
        String.join(
            "\n",
            "name: acme-e2e",
            "seed: 3",
            "target:",
            "  reader: pixel-csv",
            "  path: digits.csv.gz",
            "  options: {width: 8, height: 8, max-value: 16}",
            "  labels-per-class: 5",
            "sources:",
            "  - loader: model-store",
            "    location: models",
            "estimators: [logme, acme-centroid-margin]",
            "strategies: [linear-probe, acme-nearest-centroid]",
            "evaluation: {protocol: holdout, seeds: 2, metric: accuracy}",
            "budget: {epochs: 5, time: 2m, batch-size: 64}",
            "output: runs/acme-e2e",
            ""),
        StandardCharsets.UTF_8);
    String rank = graft(home, env, "rank", "rank", "job.yaml");
    assertTrue(
        rank.contains("acme-centroid-margin"), "graft rank scores with the plugin:\n" + rank);
    String run = graft(home, env, "run", "run", "job.yaml");
    System.out.println(rank);
    System.out.println(run);
    Matcher score = Pattern.compile("acme-centroid-margin=(-?[0-9.]+)").matcher(run);
    assertTrue(score.find(), "the plugin's estimator scored the source:\n" + run);
    double margin = Double.parseDouble(score.group(1));
    assertTrue(margin > 0 && margin < 1, "a glyph-digit CNN separates real digits: " + margin);
    Matcher outcome =
        Pattern.compile("acme-nearest-centroid\\s+store:glyphs-quick\\s+(0\\.[0-9]+)").matcher(run);
    assertTrue(outcome.find(), "the plugin's strategy ran and was evaluated:\n" + run);
    double accuracy = Double.parseDouble(outcome.group(1));
    assertTrue(accuracy > 0.3, "10 classes, chance 0.1: nearest-centroid accuracy " + accuracy);
    String result = Files.readString(temp.resolve("runs/acme-e2e/result.json"));
    assertTrue(
        result.contains("acme-centroid-margin") && result.contains("acme-nearest-centroid"),
        "result.json records the plugin's extensions");
  }

  private static void copyFromJar(Path jar, String entry, Path to) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry(entry);
      assertTrue(e != null, jar + " ships " + entry);
      try (InputStream in = zip.getInputStream(e)) {
        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
