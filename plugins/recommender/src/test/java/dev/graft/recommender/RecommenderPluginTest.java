package dev.graft.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.evaluate.Evaluator;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.SourceLoader;
import dev.graft.api.transfer.TransferStrategy;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.plugin.PluginHost.PluginExtension;
import dev.graft.recommender.read.MovieLensRatingsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as the host sees it: target/classes with their PF4J extension index packed into a jar
 * with the manifest the plugin parent writes, dropped into a plugins folder and loaded by the
 * engine's {@link PluginHost}; the extensions it finds work through the plugin's class loader.
 */
public class RecommenderPluginTest {

  @TempDir Path temp;

  /**
   * Packs target/classes into a plugin jar as maven-jar-plugin does, with the PF4J manifest.
   *
   * @param dir the plugins folder
   * @return the jar
   * @throws IOException if writing fails
   */
  public static Path pluginJar(Path dir) throws IOException {
    Path classes =
        Path.of(
            MovieLensRatingsReader.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
    Manifest mf = new Manifest();
    Attributes a = mf.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Plugin-Id", RecommenderPlugin.ID);
    a.putValue("Plugin-Version", "0.1.0");
    a.putValue("Plugin-Requires", ">=0.1.0");
    a.putValue("Plugin-Provider", "Graft");
    Files.createDirectories(dir);
    Path jar = dir.resolve("graft-recommender-0.1.0.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out, mf);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = classes.relativize(p).toString().replace('\\', '/');
        if (name.startsWith("META-INF/MANIFEST")) {
          continue;
        }
        jos.putNextEntry(new JarEntry(name));
        jos.write(Files.readAllBytes(p));
        jos.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void theEnginesPluginHostDiscoversEveryExtension() throws Exception {
    Path plugins = temp.resolve("plugins");
    pluginJar(plugins);
    try (PluginHost host =
        PluginHost.start(
            Optional.of(plugins),
            "0.1.0",
            type -> {
              try {
                return type.getDeclaredConstructor().newInstance();
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            })) {
      assertEquals(List.of(), host.problems());
      assertTrue(host.isStarted(RecommenderPlugin.ID));
      List<PluginExtension> ext = host.extensions();
      assertTrue(ext.stream().allMatch(e -> e.pluginId().equals(RecommenderPlugin.ID)));
      Map<Class<?>, Set<String>> ids =
          ext.stream()
              .collect(
                  Collectors.groupingBy(
                      PluginExtension::point,
                      Collectors.mapping(
                          e -> e.instance().id(), Collectors.toCollection(TreeSet::new))));
      assertEquals(
          Set.of("interactions-csv", "movielens-100k", "movielens-ratings"),
          ids.get(DatasetReader.class));
      assertEquals(
          Set.of("rating-error", "ranking-by-activity", "sampled-ranking"),
          ids.get(Evaluator.class));
      assertEquals(Set.of("emcdr", "target-only"), ids.get(TransferStrategy.class));
      assertEquals(Set.of("recommender-model"), ids.get(SourceLoader.class));
      assertEquals(
          Set.of("ranking-probe"), ids.get(dev.graft.api.estimate.TransferabilityEstimator.class));
      assertEquals(
          Set.of("recommender-scenario-data", "recommender-train"), ids.get(PluginCommand.class));
      DatasetReader reader =
          (DatasetReader)
              ext.stream()
                  .map(PluginExtension::instance)
                  .filter(e -> e.id().equals("movielens-ratings"))
                  .findFirst()
                  .orElseThrow();
      assertTrue(reader.capabilities().supports(Modality.RECOMMENDATION));
      Path ratings;
      try (InputStream in = getClass().getResourceAsStream("/movielens/ratings.csv")) {
        ratings = temp.resolve("ratings.csv");
        Files.copy(in, ratings);
      }
      Object first = reader.read(ratings, ReadOptions.defaults()).dataset().example(0);
      assertEquals("dev.graft.recommender.data.UserHistory", first.getClass().getName());
      for (PluginExtension e : ext) {
        GraftExtension x = e.instance();
        assertTrue(!x.description().isBlank() && !x.description().contains("\n"), x.id());
      }
    }
  }
}
