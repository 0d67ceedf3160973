package dev.graft.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.extension.GraftExtension;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.engine.plugin.PluginHost;
import dev.graft.engine.plugin.PluginHost.PluginExtension;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.speech.pretrain.PretrainSpeechCommand;
import dev.graft.speech.read.AudioCsvReader;
import dev.graft.speech.read.WavFolderReader;
import dev.graft.speech.synth.SpeechSynthCommand;
import dev.graft.testkit.contract.ExtensionContract;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as the host sees it: the compiled classes packed into a PF4J zip the way the assembly
 * descriptor does ({@code plugin.properties}, {@code classes/}, {@code
 * lib/commons-math3-3.6.1.jar}), dropped into a plugins folder and loaded by the engine's {@link
 * PluginHost}; the FFT library comes from the zip's {@code lib/}; and every extension passes the
 * testkit's extension contract.
 */
class SpeechPluginTest {

  @TempDir Path temp;

  /** Packs target/classes and commons-math3 as the assembly does. */
  static Path pluginZip(Path dir) throws IOException {
    Path classes =
        Path.of(
            WavFolderReader.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path math =
        Path.of(
            FastFourierTransformer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
    Files.createDirectories(dir);
    Path zip = dir.resolve("graft-speech-0.1.0.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zos = new ZipOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      zos.putNextEntry(new ZipEntry("plugin.properties"));
      zos.write(
          ("plugin.id=speech\nplugin.version=0.1.0\nplugin.requires=>=0.1.0\n"
                  + "plugin.provider=Graft\nplugin.description=speech\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zos.closeEntry();
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        zos.putNextEntry(
            new ZipEntry("classes/" + classes.relativize(p).toString().replace('\\', '/')));
        zos.write(Files.readAllBytes(p));
        zos.closeEntry();
      }
      zos.putNextEntry(new ZipEntry("lib/" + math.getFileName()));
      zos.write(Files.readAllBytes(math));
      zos.closeEntry();
    }
    return zip;
  }

  @Test
  void theEnginesPluginHostLoadsTheZipWithItsBundledLibrary() throws Exception {
    Path plugins = temp.resolve("plugins");
    pluginZip(plugins);
    Path data = temp.resolve("data");
    TestAudio.write(data.resolve("yes/a.wav"), TestAudio.toneWav(440, 44_100, 0.5));
    TestAudio.write(data.resolve("no/b.wav"), TestAudio.toneWav(300, 16_000, 0.5));
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
      assertTrue(host.isStarted("speech"));
      List<PluginExtension> ext = host.extensions();
      assertTrue(ext.stream().allMatch(e -> e.pluginId().equals("speech")));
      Map<Class<?>, Set<String>> ids =
          ext.stream()
              .collect(
                  Collectors.groupingBy(
                      PluginExtension::point,
                      Collectors.mapping(
                          e -> e.instance().id(), Collectors.toCollection(TreeSet::new))));
      assertEquals(Set.of("audio-csv", "wav-folder"), ids.get(DatasetReader.class));
      assertEquals(Set.of("audio"), ids.get(InputEncoder.class));
      assertEquals(
          Set.of("datasets-speech-synth", "pretrain-speech"), ids.get(PluginCommand.class));

      DatasetReader reader = (DatasetReader) find(ext, "wav-folder");
      InputEncoder encoder = (InputEncoder) find(ext, "audio");
      Dataset<?> clips = reader.read(data, ReadOptions.defaults()).dataset();
      Object clip = clips.example(0);
      ClassLoader pluginLoader = clip.getClass().getClassLoader();
      assertNotSame(Clip.class.getClassLoader(), pluginLoader, "the plugin's own Clip class");
      // the FFT the plugin uses is the one in its zip's lib/, not the test class path's
      Path fftJar =
          Path.of(
              pluginLoader
                  .loadClass("org.apache.commons.math3.transform.FastFourierTransformer")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      assertTrue(fftJar.startsWith(plugins), fftJar.toString());
      assertTrue(fftJar.toString().endsWith("lib/commons-math3-3.6.1.jar"), fftJar.toString());
      EncodedInputs x = encoder.encode(clips, AudioInputSpec.defaults().toMap(), false, 0);
      assertEquals(2, x.count());
      assertEquals(
          List.of(49, 40, 1),
          List.of(x.exampleShape()[0], x.exampleShape()[1], x.exampleShape()[2]));
    }
  }

  private static GraftExtension find(List<PluginExtension> ext, String id) {
    return ext.stream()
        .map(PluginExtension::instance)
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class WavFolderContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new WavFolderReader();
    }
  }

  @Nested
  class AudioCsvContract extends ExtensionContract<DatasetReader> {
    @Override
    protected DatasetReader extension() {
      return new AudioCsvReader();
    }
  }

  @Nested
  class EncoderContract extends ExtensionContract<InputEncoder> {
    @Override
    protected InputEncoder extension() {
      return new AudioInputEncoder();
    }
  }

  @Nested
  class PretrainContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new PretrainSpeechCommand();
    }
  }

  @Nested
  class SynthContract extends ExtensionContract<PluginCommand> {
    @Override
    protected PluginCommand extension() {
      return new SpeechSynthCommand();
    }
  }
}
