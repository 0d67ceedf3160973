package dev.graft.speech.read;

import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.io.Digests;
import dev.graft.sdk.read.BadInputException;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ParallelDecode;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.dsp.Resampler;
import dev.graft.speech.wav.WavAudio;
import dev.graft.speech.wav.WavDecoder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part both readers share: their common options, decoding a file into a fitted {@link Clip},
 * and assembling the result with its digest and facts.
 *
 * <p>Options: {@code sample-rate} (Hz every clip is resampled to, default 16000), {@code
 * clip-seconds} (the fixed length, default 1.0; 0 keeps each clip's own length), {@code align}
 * (energy, center or start; see {@link ClipFit.Align}), {@code silence-db} (a clip whose peak is
 * below this many dBFS is reported as silent, default -60; {@code off} accepts silent clips).
 */
final class ClipLoader {

  static final Map<String, String> OPTIONS =
      Map.of(
          "sample-rate", "Hz every clip is resampled to, default 16000",
          "clip-seconds", "fixed clip length in seconds (0 = keep each length), default 1.0",
          "align", "where a clip sits when padded or cropped: energy (default), center or start",
          "silence-db", "peak level in dBFS below which a clip is silent, default -60, or off");

  private final WavDecoder decoder = new WavDecoder();
  final int sampleRate;
  final ClipFit fit;
  final double silenceDb;
  private final TreeMap<Integer, Integer> sourceRates = new TreeMap<>();
  private final TreeMap<String, Integer> encodings = new TreeMap<>();
  private int stereo;

  private ClipLoader(int sampleRate, ClipFit fit, double silenceDb) {
    this.sampleRate = sampleRate;
    this.fit = fit;
    this.silenceDb = silenceDb;
  }

  static ClipLoader from(ReaderOptions opts) {
    int rate =
        (int) opts.longValue("sample-rate", 16_000, WavDecoder.MIN_RATE, WavDecoder.MAX_RATE);
    double seconds = 1.0;
    if (opts.string("clip-seconds").isPresent()) {
      String raw = opts.string("clip-seconds").get();
      try {
        seconds = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw opts.invalid("clip-seconds", raw, "a number of seconds from 0 to 600");
      }
      if (!(seconds >= 0 && seconds <= 600)) {
        throw opts.invalid("clip-seconds", raw, "a number of seconds from 0 to 600");
      }
    }
    ClipFit.Align align =
        ClipFit.Align.parse(
            opts.choice("align", "energy", java.util.Set.of("energy", "center", "start")));
    ClipFit fit = null;
    if (seconds > 0) {
      int samples = (int) Math.round(seconds * rate);
      if (samples < 1) {
        throw opts.invalid("clip-seconds", Double.toString(seconds), "long enough for one sample");
      }
      fit = new ClipFit(samples, align);
    }
    double silence = -60;
    if (opts.string("silence-db").isPresent()) {
      String raw = opts.string("silence-db").get();
      if (raw.equalsIgnoreCase("off")) {
        silence = Double.NEGATIVE_INFINITY;
      } else {
        try {
          silence = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          throw opts.invalid("silence-db", raw, "a level in dBFS from -200 to 0, or off");
        }
        if (!(silence >= -200 && silence <= 0)) {
          throw opts.invalid("silence-db", raw, "a level in dBFS from -200 to 0, or off");
        }
      }
    }
    return new ClipLoader(rate, fit, silence);
  }

  /**
   * Decodes, checks, resamples and fits one file.
   *
   * @throws BadInputException for a bad file
   */
  Clip load(Path file, String location, String speaker) {
    WavAudio audio = decoder.decode(file, location);
    float peak = 0;
    for (float v : audio.samples()) {
      peak = Math.max(peak, Math.abs(v));
    }
    double peakDb = peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak);
    if (!(peakDb >= silenceDb)) {
      throw new BadInputException(
          SpeechErrors.SILENT_CLIP,
          location,
          String.format(
              Locale.ROOT,
              "clip is silent (peak %s dBFS, below the %.1f dBFS threshold); remove it or read"
                  + " with silence-db=off",
              peak == 0 ? "-inf" : String.format(Locale.ROOT, "%.1f", peakDb),
              silenceDb));
    }
    synchronized (this) {
      sourceRates.merge(audio.sampleRate(), 1, Integer::sum);
      encodings.merge(audio.encoding() + audio.bitsPerSample(), 1, Integer::sum);
      if (audio.channels() > 1) {
        stereo++;
      }
    }
    float[] samples = Resampler.resample(audio.samples(), audio.sampleRate(), sampleRate);
    if (fit != null) {
      samples = fit.apply(samples);
    }
    for (int i = 0; i < samples.length; i++) {
      // the resampler's ringing can overshoot full scale by a little
      samples[i] = Math.max(-1f, Math.min(1f, samples[i]));
    }
    return Clip.of(samples, sampleRate, speaker, file.toString());
  }

  /** Loads files in parallel; problems go to the log, in file order. */
  List<Integer> loadAll(
      List<Path> files,
      List<String> locations,
      List<String> speakers,
      BadInputLog log,
      List<Clip> clips) {
    return ParallelDecode.decodeAll(
        files.size(), i -> load(files.get(i), locations.get(i), speakers.get(i)), log, clips);
  }

  /** The facts every audio data set records. */
  Map<String, String> facts(String format) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", format);
    facts.put("sample-rate", Integer.toString(sampleRate));
    facts.put("clip-length", fit == null ? "as recorded (clip-seconds=0)" : fit.describe());
    facts.put("silence-db", Double.isInfinite(silenceDb) ? "off" : Double.toString(silenceDb));
    StringBuilder rates = new StringBuilder();
    sourceRates.forEach(
        (r, n) ->
            rates.append(rates.length() == 0 ? "" : ", ").append(r).append(" Hz x").append(n));
    facts.put("source-rates", rates.toString());
    StringBuilder enc = new StringBuilder();
    encodings.forEach(
        (e, n) -> enc.append(enc.length() == 0 ? "" : ", ").append(e).append(" x").append(n));
    facts.put("source-encodings", enc.toString());
    facts.put("downmixed-clips", Integer.toString(stereo));
    facts.put(
        "resampler",
        "Kaiser-windowed sinc, polyphase, " + Resampler.ZERO_CROSSINGS + " zero crossings");
    return facts;
  }

  /**
   * Builds the result.
   *
   * @throws InvalidInputException SPEECH-READ-009 when no clip was read
   */
  static ReadResult<Clip> build(
      String readerId,
      String name,
      String location,
      List<Clip> clips,
      int[] labels,
      List<String> classNames,
      BadInputLog log,
      Map<String, String> facts) {
    if (clips.isEmpty()) {
      throw new InvalidInputException(
          SpeechErrors.NO_CLIPS,
          "reader '"
              + readerId
              + "' found no readable clips in "
              + location
              + (log.count() > 0 ? " (" + log.count() + " bad inputs were skipped)" : "")
              + "; check the path and the format.");
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("reader", readerId);
    props.put("examples", Integer.toString(clips.size()));
    props.put("skipped", Integer.toString(log.count()));
    long speakers = clips.stream().map(Clip::speaker).filter(s -> s != null).distinct().count();
    props.put("speakers", Long.toString(speakers));
    MessageDigest sha = Digests.newSha256();
    props.put("classes", Integer.toString(classNames.size()));
    props.put("class-names", String.join(",", classNames));
    for (String c : classNames) {
      sha.update(c.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    for (int i = 0; i < clips.size(); i++) {
      sha.update(Integer.toString(labels[i]).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      clips.get(i).digestInto(sha);
    }
    props.putAll(facts);
    String digest = "sha256:" + String.format("%064x", new BigInteger(1, sha.digest()));
    DatasetInfo info = new DatasetInfo(name, Modality.AUDIO, location, digest, props);
    Dataset<Clip> dataset = Dataset.labelled(info, clips, ClassLabels.of(labels, classNames));
    return new ReadResult<>(dataset, log.entries());
  }

  /** A data set name from a path: the file or folder name without its extension. */
  static String nameOf(Path path) {
    Path file = path.toAbsolutePath().normalize().getFileName();
    String n = file == null ? "dataset" : file.toString();
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    return n.isBlank() ? "dataset" : n;
  }

  static boolean isWav(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
  }
}
