package dev.graft.speech.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.FeatureMatrix;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.extension.Modality;
import dev.graft.api.source.Source;
import dev.graft.api.source.SourceDescriptor;
import dev.graft.api.source.SourceQuery;
import dev.graft.engine.source.InputEncoders;
import dev.graft.engine.source.ModelStoreLoader;
import dev.graft.speech.Clip;
import dev.graft.speech.SynthFixture;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.read.WavFolderReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft pretrain speech} on a tiny espeak-ng set: the stored model records the audio input
 * spec and opens through the host's model-store loader, which encodes clips with the plugin's
 * encoder.
 */
class PretrainSpeechCommandTest {

  @TempDir static Path temp;
  static Path data;

  @BeforeAll
  static void synthesise() {
    data = SynthFixture.generate(temp.resolve("kw"), List.of("yes", "no", "stop"));
  }

  private static int run(List<String> args, StringWriter out, StringWriter err) {
    return new PretrainSpeechCommand(Map.of())
        .execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void storesAModelThatTheModelStoreLoaderOpensWithAudioFeatures() throws Exception {
    Path store = temp.resolve("store");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            List.of(
                "--data",
                data.toString(),
                "--recipe",
                "kws-ds-cnn",
                "--epochs",
                "2",
                "--name",
                "kw-tiny",
                "--store",
                store.toString(),
                "--validation",
                "0.25",
                "--seed",
                "5",
                "--window",
                "hamming",
                "--hop-ms",
                "16",
                "--fmax",
                "7000"),
            out,
            err);
    assertEquals(0, code, out + "\n" + err);
    String o = out.toString();
    assertTrue(
        o.contains(
            "pretraining kws-ds-cnn on kw (24 clips, 3 classes, 4 speakers, input 61x40x1 log-mel)"),
        o);
    assertTrue(o.contains("epoch 2/2"), o);
    assertTrue(o.contains("source id for jobs: store:kw-tiny"), o);

    JsonNode manifest =
        new ObjectMapper().readTree(store.resolve("kw-tiny/graft-model.json").toFile());
    JsonNode input = manifest.path("inputSpec");
    assertEquals("audio", input.path("kind").asText(), manifest.toString());
    assertEquals(16000, input.path("sampleRate").asInt());
    assertEquals("log-mel", input.path("featureSpec").path("type").asText());
    assertEquals(256, input.path("featureSpec").path("hop").asInt());
    assertEquals("hamming", input.path("featureSpec").path("window").asText());
    assertEquals(7000.0, input.path("featureSpec").path("fmax").asDouble());
    assertEquals(61, input.path("frames").asInt());
    assertEquals("energy", input.path("align").asText());
    assertTrue(input.path("augmentation").path("noiseProbability").asDouble() > 0);
    assertEquals(
        List.of("no", "stop", "yes"),
        List.of(
            manifest.path("labels").get(0).asText(),
            manifest.path("labels").get(1).asText(),
            manifest.path("labels").get(2).asText()));
    assertEquals("kws-ds-cnn", manifest.path("provenance").path("recipe").asText());

    ModelStoreLoader loader =
        new ModelStoreLoader(
            store, InputEncoders.of(List.of(new AudioInputEncoder())), DeviceConfig.cpu());
    List<SourceDescriptor> found =
        loader.discover(new SourceQuery(Modality.AUDIO, Optional.empty(), Map.of()));
    assertEquals(1, found.size());
    assertEquals("store:kw-tiny", found.get(0).id());
    assertEquals("audio", found.get(0).properties().get("input.kind"));
    Dataset<Clip> clips = new WavFolderReader().read(data, ReadOptions.defaults()).dataset();
    try (Source source = loader.open(found.get(0))) {
      FeatureMatrix f = source.features(clips);
      assertEquals(24, f.rows());
      assertEquals(64, f.cols());
      assertEquals(3, source.probabilities(clips).orElseThrow().classes());
    }
  }

  @Test
  void badValuesAreGraftErrorsAndMissingOptionsUsageErrors() {
    StringWriter err = new StringWriter();
    assertEquals(
        1,
        run(
            List.of(
                "--data",
                data.toString(),
                "--recipe",
                "resnet",
                "--name",
                "x",
                "--store",
                temp.resolve("s2").toString()),
            new StringWriter(),
            err));
    assertTrue(
        err.toString().contains("unknown speech recipe 'resnet'; use one of kws-cnn, kws-ds-cnn"),
        err.toString());
    StringWriter err2 = new StringWriter();
    assertEquals(
        1, run(List.of("--data", data.toString(), "--name", "Bad Name"), new StringWriter(), err2));
    assertTrue(err2.toString().contains("--name"), err2.toString());
    assertEquals(2, run(List.of("--name", "x"), new StringWriter(), new StringWriter()));
    assertTrue(Files.notExists(temp.resolve("s2/x")));
  }
}
