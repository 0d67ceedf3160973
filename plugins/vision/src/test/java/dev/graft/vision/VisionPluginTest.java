package dev.graft.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.InputEncoder;
import dev.graft.testkit.contract.ExtensionContract;
import dev.graft.vision.encode.ImageInputEncoder;
import dev.graft.vision.glyph.RenderGlyphsCommand;
import dev.graft.vision.pretrain.PretrainCommand;
import dev.graft.vision.read.IdxReader;
import dev.graft.vision.read.ImageCsvReader;
import dev.graft.vision.read.ImageFolderReader;
import dev.graft.vision.read.PixelCsvReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * The plugin as a host sees it: the compiled classes, their PF4J extension index and resources,
 * packed into a jar with the manifest the plugin parent writes, loaded by a real PF4J manager; and
 * every extension passing the testkit's extension contract.
 */
class VisionPluginTest {

  @TempDir Path temp;

  /** Packs target/classes the way maven-jar-plugin does, with the PF4J manifest. */
  private static Path pluginJar(Path dir) throws IOException {
    Path classes =
        Path.of(
            ImageFolderReader.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Manifest mf = new Manifest();
    Attributes a = mf.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Plugin-Id", "vision");
    a.putValue("Plugin-Version", "0.1.0");
    a.putValue("Plugin-Requires", ">=0.1.0");
    a.putValue("Plugin-Provider", "Graft");
    Files.createDirectories(dir);
    Path jar = dir.resolve("graft-vision-0.1.0.jar");
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
  void aPf4jHostDiscoversTheReadersAndTheCommand() throws IOException {
    Path plugins = temp.resolve("plugins");
    pluginJar(plugins);
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion("0.1.0");
    manager.loadPlugins();
    manager.startPlugins();
    try {
      assertEquals(PluginState.STARTED, manager.getPlugin("vision").getPluginState());
      // extensions of the plugin itself (the test class path's own index is PF4J's "system" ones)
      List<DatasetReader> readers = manager.getExtensions(DatasetReader.class, "vision");
      assertEquals(4, readers.size());
      Set<String> ids =
          readers.stream().map(GraftExtension::id).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of("idx", "image-csv", "image-folder", "pixel-csv"), ids);
      for (DatasetReader r : readers) {
        // loaded by the plugin's class loader, not the test's
        assertNotSame(ImageFolderReader.class.getClassLoader(), r.getClass().getClassLoader());
        assertEquals(Set.of(r.id()), r.formats());
        assertEquals("dev.graft.vision.Image", r.exampleType().getName());
        assertTrue(r.capabilities().supports(Modality.VISION));
      }
      List<PluginCommand> commands = manager.getExtensions(PluginCommand.class, "vision");
      assertEquals(
          Set.of(List.of("datasets", "render-glyphs"), List.of("pretrain", "vision")),
          commands.stream().map(PluginCommand::path).collect(Collectors.toSet()));
      for (PluginCommand c : commands) {
        assertEquals(String.join("-", c.path()), c.id());
      }
      List<InputEncoder> encoders = manager.getExtensions(InputEncoder.class, "vision");
      assertEquals(1, encoders.size());
      assertEquals("image", encoders.get(0).inputKind());
      // the shipped data is readable through the plugin's class loader
      DatasetReader pixelCsv =
          readers.stream().filter(r -> r.id().equals("pixel-csv")).findFirst().orElseThrow();
      try (var in =
          pixelCsv.getClass().getResourceAsStream("/dev/graft/vision/data/digits.csv.gz")) {
        Path copy = temp.resolve("digits.csv.gz");
        Files.copy(in, copy);
        assertEquals(1797, pixelCsv.read(copy, ReadOptions.defaults()).dataset().size());
      }
    } finally {
      manager.unloadPlugins();
    }
  }

  @Nested
  class ImageFolderContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new ImageFolderReader();
    }
  }

  @Nested
  class ImageCsvContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new ImageCsvReader();
    }
  }

  @Nested
  class IdxContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new IdxReader();
    }
  }

  @Nested
  class PixelCsvContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new PixelCsvReader();
    }
  }

  @Nested
  class ImageInputEncoderContract extends ExtensionContract<InputEncoder> {
    @Override
    protected InputEncoder extension() {
      return new ImageInputEncoder();
    }
  }

  @Nested
  class PretrainContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new PretrainCommand();
    }
  }

  @Nested
  class RenderGlyphsContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new RenderGlyphsCommand();
    }
  }
}
