package dev.graft.speech.bench;

import dev.graft.api.config.DeviceConfig;
import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.ReadOptions;
import dev.graft.sdk.train.ClassifierPretrainer;
import dev.graft.speech.Clip;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.feature.FeatureSpec;
import dev.graft.speech.pretrain.SpeechPretrainer;
import dev.graft.speech.read.AudioCsvReader;
import dev.graft.speech.read.WavFolderReader;
import dev.graft.speech.synth.Espeak;
import dev.graft.speech.synth.SpeechSynth;
import dev.graft.speech.synth.SynthRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The data and sources of the speech scenarios (docs/examples/speech): which espeak-ng voices are
 * the "seen" source speakers and which the unseen target speakers, the five synthesised sets, and
 * the pool of six pretrained sources. The job files' comments give the same synthesis commands;
 * {@code JobExamplesTest} checks that they match these lists.
 */
final class SpeechScenarios {

  private SpeechScenarios() {}

  /** Accents of the source speakers. */
  static final List<String> SOURCE_ACCENTS = List.of("en-us", "en-gb", "en-gb-x-rp");

  /** Variants of the source speakers. */
  static final List<String> SOURCE_VARIANTS = List.of("m1", "m2", "m4", "f1", "f3");

  /** Accents of the target speakers: none is a source accent. */
  static final List<String> TARGET_ACCENTS =
      List.of("en-gb-scotland", "en-029", "en-us-nyc", "en-gb-x-gbclan", "en-gb-x-gbcwmd");

  /** Variants of the target speakers: none is a source variant. */
  static final List<String> TARGET_VARIANTS = List.of("m3", "f2", "f4", "croak");

  static List<String> voices(List<String> accents, List<String> variants) {
    List<String> v = new ArrayList<>();
    for (String a : accents) {
      for (String x : variants) {
        v.add(a + "+" + x);
      }
    }
    return v;
  }

  /** The 15 source voices. */
  static final List<String> SOURCE_VOICES = voices(SOURCE_ACCENTS, SOURCE_VARIANTS);

  /** The 20 unseen target voices. */
  static final List<String> TARGET_VOICES = voices(TARGET_ACCENTS, TARGET_VARIANTS);

  /** Two source voices, for the weak "few speakers" source. */
  static final List<String> FEW_VOICES = List.of("en-us+m1", "en-us+f1");

  /** A synthesised set: its folder name under {@code data/} and its request. */
  record DataSet(String name, SynthRequest request) {}

  /** Keywords by the 60 source speakers (15 voices x 2 speeds x 2 pitches). */
  static final DataSet KW_SOURCE =
      new DataSet(
          "kw-source",
          new SynthRequest(
              SynthRequest.KEYWORDS,
              SOURCE_VOICES,
              List.of(140, 180),
              List.of(35, 65),
              1,
              16_000,
              1.0,
              10,
              30,
              1));

  /** Digits by the same 60 source speakers. */
  static final DataSet DIGITS_SOURCE =
      new DataSet(
          "digits-source",
          new SynthRequest(
              SynthRequest.DIGITS,
              SOURCE_VOICES,
              List.of(140, 180),
              List.of(35, 65),
              1,
              16_000,
              1.0,
              10,
              30,
              1));

  /** Keywords by 8 speakers of two source voices. */
  static final DataSet KW_FEW =
      new DataSet(
          "kw-few",
          new SynthRequest(
              SynthRequest.KEYWORDS,
              FEW_VOICES,
              List.of(140, 180),
              List.of(35, 65),
              1,
              16_000,
              1.0,
              10,
              30,
              1));

  /** Keywords by the 20 unseen target speakers, twice each (400 clips). */
  static final DataSet KW_TARGET =
      new DataSet(
          "kw-target",
          new SynthRequest(
              SynthRequest.KEYWORDS,
              TARGET_VOICES,
              List.of(160),
              List.of(50),
              2,
              16_000,
              1.0,
              10,
              30,
              2));

  /** Digits by the 20 unseen target speakers, twice each (400 clips). */
  static final DataSet DIGITS_TARGET =
      new DataSet(
          "digits-target",
          new SynthRequest(
              SynthRequest.DIGITS,
              TARGET_VOICES,
              List.of(160),
              List.of(50),
              2,
              16_000,
              1.0,
              10,
              30,
              2));

  static final List<DataSet> ALL =
      List.of(KW_SOURCE, DIGITS_SOURCE, KW_FEW, KW_TARGET, DIGITS_TARGET);

  /**
   * Generates (or finds in place) every set under {@code dataDir}.
   *
   * @return the seconds spent
   */
  static double synthesise(Path dataDir, Consumer<String> log) {
    long t0 = System.nanoTime();
    SpeechSynth synth =
        new SpeechSynth(
            Espeak.locate(Espeak.DEFAULT_PROGRAM), Runtime.getRuntime().availableProcessors());
    for (DataSet d : ALL) {
      SpeechSynth.Result r = synth.generate(d.request(), dataDir.resolve(d.name()), line -> {});
      log.accept(
          String.format(
              Locale.ROOT,
              "data %s: %d clips, %s in %.1f s",
              d.name(),
              r.clips(),
              r.cached() ? "cached" : "synthesised",
              r.seconds()));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * A pool source: its store name, recipe, data set, features, whether labels are shuffled, and its
   * validation fraction (0: no early stopping, all epochs run).
   */
  record PoolSource(
      String name,
      String recipe,
      String data,
      FeatureSpec.Type features,
      boolean shuffled,
      double validation) {}

  /** The pool, in the order the docs list it. */
  static final List<PoolSource> POOL =
      List.of(
          new PoolSource(
              "kws-keywords", "kws-cnn", "kw-source", FeatureSpec.Type.LOG_MEL, false, 0.1),
          new PoolSource(
              "kws-ds-keywords", "kws-ds-cnn", "kw-source", FeatureSpec.Type.LOG_MEL, false, 0.1),
          new PoolSource(
              "kws-mfcc-keywords", "kws-cnn", "kw-source", FeatureSpec.Type.MFCC, false, 0.1),
          new PoolSource(
              "kws-digits", "kws-cnn", "digits-source", FeatureSpec.Type.LOG_MEL, false, 0.1),
          // 80 clips: an 8-clip validation set stopped training after epoch 1 (val loss rises
          // while the first predictions sharpen), so this one runs all its epochs
          new PoolSource(
              "kws-few-speakers", "kws-cnn", "kw-few", FeatureSpec.Type.LOG_MEL, false, 0.0),
          new PoolSource(
              "kws-shuffled", "kws-cnn", "kw-source", FeatureSpec.Type.LOG_MEL, true, 0.1));

  /**
   * Pretrains the pool sources missing from the store.
   *
   * @param epochs maximum epochs per source
   * @return seconds spent
   */
  static double pretrainPool(Path dataDir, Path store, int epochs, Consumer<String> log)
      throws IOException {
    long t0 = System.nanoTime();
    for (PoolSource p : POOL) {
      if (Files.exists(store.resolve(p.name()).resolve("graft-model.json"))) {
        log.accept("source " + p.name() + ": in the store");
        continue;
      }
      Dataset<Clip> data = read(dataDir.resolve(p.data()), p.shuffled(), dataDir);
      FeatureSpec features = FeatureSpec.defaults().withType(p.features());
      AudioInputSpec input =
          new AudioInputSpec(features, 16_000, ClipFit.Align.ENERGY, AudioAugmentation.defaults());
      long s = System.nanoTime();
      ClassifierPretrainer.Outcome o =
          new SpeechPretrainer(DeviceConfig.cpu(), line -> {})
              .run(
                  new SpeechPretrainer.Request(
                      data,
                      input,
                      p.recipe(),
                      epochs,
                      11,
                      p.name(),
                      store,
                      p.validation(),
                      10,
                      64,
                      1e-3,
                      true));
      log.accept(
          String.format(
              Locale.ROOT,
              "source %s: %s on %s (%d clips, %s%s): %d epochs (best %d), validation accuracy"
                  + " %.4f, %.1f s",
              p.name(),
              p.recipe(),
              p.data(),
              data.size(),
              p.features().id(),
              p.shuffled() ? ", labels shuffled" : "",
              o.epochsRun(),
              o.bestEpoch(),
              o.validationAccuracy(),
              (System.nanoTime() - s) / 1e9));
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Reads a set; with {@code shuffled}, through a manifest whose labels are permuted (seed 5). */
  static Dataset<Clip> read(Path set, boolean shuffled, Path scratch) throws IOException {
    if (!shuffled) {
      return new WavFolderReader().read(set, ReadOptions.defaults()).dataset();
    }
    List<String> rows = Files.readAllLines(set.resolve(SpeechSynth.MANIFEST));
    List<String> body = rows.subList(1, rows.size());
    List<String> labels = new ArrayList<>();
    for (String r : body) {
      labels.add(r.split(",")[1]);
    }
    Collections.shuffle(labels, new Random(5));
    StringBuilder csv = new StringBuilder("path,label,speaker\n");
    for (int i = 0; i < body.size(); i++) {
      String[] f = body.get(i).split(",");
      csv.append(set.getFileName().resolve(f[0]))
          .append(',')
          .append(labels.get(i))
          .append(',')
          .append(f[2])
          .append('\n');
    }
    Path manifest = scratch.resolve(set.getFileName() + "-shuffled.csv");
    Files.writeString(manifest, csv);
    return new AudioCsvReader()
        .read(manifest, new ReadOptions(BadInputPolicy.FAIL, 0, Map.of()))
        .dataset();
  }
}
