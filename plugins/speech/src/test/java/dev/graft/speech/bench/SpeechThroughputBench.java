package dev.graft.speech.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.graft.speech.dsp.Resampler;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.speech.read.WavFolderReader;
import dev.graft.speech.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Clips per second for each stage of the speech input path, on the 400 one-second clips of the
 * {@code kw-target} set (made by {@link SpeechTransferBench}, or synthesised here if missing): WAV
 * decode (16 kHz files, and the same clips re-written at 44.1 kHz so the reader resamples), log-mel
 * extraction with and without augmentation, embedding through the pretrained kws-cnn and kws-ds-cnn
 * sources (TensorFlow, batched), and the whole path read + features + embedding. Each figure is the
 * median of 5 timed repetitions after one warm-up.
 *
 * <pre>
 * mvn -o -f plugins/speech/pom.xml test -Dtest=SpeechThroughputBench -Dgraft.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "graft.bench", matches = "true")
public class SpeechThroughputBench {

  static double median(IntSupplier work, int reps) {
    work.getAsInt();
    double[] rates = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      int n = work.getAsInt();
      rates[r] = n / ((System.nanoTime() - t0) / 1e9);
    }
    Arrays.sort(rates);
    return rates[reps / 2];
  }

  static String run(Path root) throws IOException {
    StringBuilder report = new StringBuilder();
    SpeechBenchSupport.log(
        report,
        String.format(
            Locale.ROOT,
            "cpus=%d java=%s loadavg-start=%s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            SpeechBenchSupport.loadAverage()));
    Path data = root.resolve("data");
    SpeechScenarios.synthesise(data, line -> SpeechBenchSupport.log(report, line));
    Path store = root.resolve("store");
    SpeechScenarios.pretrainPool(data, store, 30, line -> SpeechBenchSupport.log(report, line));
    Path set = data.resolve("kw-target");
    WavFolderReader reader = new WavFolderReader();
    Dataset<Clip> clips = reader.read(set, ReadOptions.defaults()).dataset();
    int n = clips.size();

    // the same clips at 44.1 kHz
    Path at44 = root.resolve("kw-target-44k");
    if (!Files.exists(at44)) {
      for (int i = 0; i < n; i++) {
        Clip c = clips.example(i);
        String label = clips.classLabels().names().get(clips.classLabels().get(i));
        WavWriter.writePcm16(
            Resampler.resample(c.samples(), 16_000, 44_100),
            44_100,
            at44.resolve(label).resolve(String.format(Locale.ROOT, "c%04d.wav", i)));
      }
    }
    AudioInputSpec spec = AudioInputSpec.defaults();
    Map<String, Object> specMap = spec.toMap();
    AudioInputEncoder encoder = new AudioInputEncoder();
    List<String> lines = new ArrayList<>();
    lines.add(
        row(
            "WAV decode, 16 kHz PCM16 (wav-folder reader)",
            median(() -> reader.read(set, ReadOptions.defaults()).dataset().size(), 5)));
    lines.add(
        row(
            "WAV decode + resample 44.1 -> 16 kHz",
            median(() -> reader.read(at44, ReadOptions.defaults()).dataset().size(), 5)));
    lines.add(
        row(
            "log-mel 49x40 (encoder, no augmentation)",
            median(() -> encoder.encode(clips, specMap, false, 0).count(), 5)));
    lines.add(
        row(
            "log-mel 49x40 + noise/shift/SpecAugment",
            median(() -> encoder.encode(clips, specMap, true, 1).count(), 5)));
    ModelStoreLoader loader =
        new ModelStoreLoader(store, InputEncoders.of(List.of(encoder)), DeviceConfig.cpu());
    for (SourceDescriptor d :
        loader.discover(new SourceQuery(Modality.AUDIO, Optional.empty(), Map.of()))) {
      if (!d.id().equals("store:kws-keywords") && !d.id().equals("store:kws-ds-keywords")) {
        continue;
      }
      try (Source source = loader.open(d)) {
        lines.add(
            row("features + embedding, " + d.id(), median(() -> source.features(clips).rows(), 5)));
        lines.add(
            row(
                "read + features + embedding, " + d.id(),
                median(
                    () -> {
                      Dataset<Clip> fresh = reader.read(set, ReadOptions.defaults()).dataset();
                      FeatureMatrix f = source.features(fresh);
                      return f.rows();
                    },
                    5)));
      }
    }
    SpeechBenchSupport.log(
        report, String.format(Locale.ROOT, "%d one-second clips, median of 5 runs:", n));
    SpeechBenchSupport.log(report, "| stage | clips/s |");
    SpeechBenchSupport.log(report, "|---|---:|");
    lines.forEach(l -> SpeechBenchSupport.log(report, l));
    SpeechBenchSupport.log(report, "loadavg-end=" + SpeechBenchSupport.loadAverage());
    Files.writeString(root.resolve("throughput.txt"), report.toString());
    return report.toString();
  }

  static String row(String stage, double rate) {
    return String.format(Locale.ROOT, "| %s | %.0f |", stage, rate);
  }

  @Test
  void throughput() throws IOException {
    String text = run(Path.of(System.getProperty("graft.bench.dir", "target/bench")));
    assertTrue(text.contains("clips/s"));
  }

  /**
   * Runs the bench outside JUnit.
   *
   * @param args the bench folder (default {@code target/bench})
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws IOException {
    run(Path.of(args.length > 0 ? args[0] : "target/bench"));
  }
}
