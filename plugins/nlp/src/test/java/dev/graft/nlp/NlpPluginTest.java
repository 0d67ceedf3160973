package dev.graft.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.InputEncoder;
import dev.graft.nlp.encode.TextInputEncoder;
import dev.graft.nlp.pretrain.PretrainTextCommand;
import dev.graft.nlp.pretrain.PretrainWordVectorsCommand;
import dev.graft.nlp.read.FortuneReader;
import dev.graft.nlp.read.JsonlTextReader;
import dev.graft.nlp.read.TextCsvReader;
import dev.graft.nlp.read.TextFolderReader;
import dev.graft.testkit.contract.ExtensionContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * packed into a jar with the manifest the plugin parent writes, loaded from a plugins folder by a
 * real PF4J manager; and every extension passing the testkit's extension contract.
 */
class NlpPluginTest {

  @TempDir Path temp;

  /** Packs target/classes the way maven-jar-plugin does, with the PF4J manifest. */
  private static Path pluginJar(Path dir) throws IOException {
    Path classes =
        Path.of(TextCsvReader.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Manifest mf = new Manifest();
    Attributes a = mf.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Plugin-Id", "nlp");
    a.putValue("Plugin-Version", "0.1.0");
    a.putValue("Plugin-Requires", ">=0.1.0");
    a.putValue("Plugin-Provider", "Graft");
    Files.createDirectories(dir);
    Path jar = dir.resolve("graft-nlp-0.1.0.jar");
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
  void aPf4jHostDiscoversTheReadersEncoderAndCommandsFromAPluginsFolder() throws IOException {
    Path plugins = temp.resolve("plugins");
    pluginJar(plugins);
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion("0.1.0");
    manager.loadPlugins();
    manager.startPlugins();
    try {
      assertEquals(PluginState.STARTED, manager.getPlugin("nlp").getPluginState());
      List<DatasetReader> readers = manager.getExtensions(DatasetReader.class, "nlp");
      Set<String> ids =
          readers.stream().map(GraftExtension::id).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of("fortune", "text-csv", "text-folder", "text-jsonl"), ids);
      for (DatasetReader r : readers) {
        assertNotSame(TextCsvReader.class.getClassLoader(), r.getClass().getClassLoader());
        assertEquals("dev.graft.nlp.Text", r.exampleType().getName());
        assertTrue(r.capabilities().supports(Modality.TEXT));
      }
      List<PluginCommand> commands = manager.getExtensions(PluginCommand.class, "nlp");
      assertEquals(
          Set.of(List.of("pretrain", "text"), List.of("pretrain", "word-vectors")),
          commands.stream().map(PluginCommand::path).collect(Collectors.toSet()));
      for (PluginCommand c : commands) {
        assertEquals(String.join("-", c.path()), c.id());
      }
      List<InputEncoder> encoders = manager.getExtensions(InputEncoder.class, "nlp");
      assertEquals(1, encoders.size());
      assertEquals("text", encoders.get(0).inputKind());
      // the shipped fortunes are readable through the plugin's class loader
      DatasetReader fortune =
          readers.stream().filter(r -> r.id().equals("fortune")).findFirst().orElseThrow();
      Path dir = Files.createDirectories(temp.resolve("fortunes"));
      try (InputStream in =
          fortune.getClass().getResourceAsStream("/dev/graft/nlp/data/fortunes/food.gz")) {
        Files.copy(in, dir.resolve("food.gz"));
      }
      Files.writeString(dir.resolve("other"), "Something else.\n%\n");
      var data = fortune.read(dir, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of())).dataset();
      assertEquals(198 + 1, data.size());
    } finally {
      manager.unloadPlugins();
    }
  }

  @Nested
  class CsvContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new TextCsvReader();
    }
  }

  @Nested
  class JsonlContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new JsonlTextReader();
    }
  }

  @Nested
  class FolderContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new TextFolderReader();
    }
  }

  @Nested
  class FortuneContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new FortuneReader();
    }
  }

  @Nested
  class EncoderContract extends ExtensionContract<InputEncoder> {
    @Override
    protected InputEncoder extension() {
      return new TextInputEncoder();
    }
  }

  @Nested
  class PretrainTextContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new PretrainTextCommand();
    }
  }

  @Nested
  class WordVectorsContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new PretrainWordVectorsCommand();
    }
  }
}
