package dev.graft.speech.synth;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.sdk.json.Json;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.dsp.NoiseGenerator;
import dev.graft.speech.dsp.Resampler;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.wav.WavAudio;
import dev.graft.speech.wav.WavWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a labelled keyword set with espeak-ng, in the Speech Commands layout: {@code
 * <out>/<word>/<speaker>_nohash_<n>.wav} (16-bit PCM, mono), a {@code manifest.csv} of {@code
 * path,label,speaker} rows and a {@code synth.json} stamp with the parameters and their digest.
 *
 * <p>Each utterance is synthesised once per speaker (voice, speed, pitch), resampled to the set's
 * rate with the plugin's band-limited resampler, trimmed to where its level is within 40 dB of its
 * peak, and for each repeat placed at a random offset in a clip of {@code clipSeconds} (the word is
 * kept whole when it fits; longer words are cropped around their energy centre), then mixed with
 * white, pink or brown noise at a random SNR. The randomness of clip {@code (word, speaker, n)}
 * comes from a seed derived from the request seed and those names, so the set does not depend on
 * thread scheduling.
 *
 * <p>Caching: a folder whose {@code synth.json} holds the request's digest is reused as is. A new
 * set is written into a temporary sibling folder and renamed into place when complete, so a set is
 * never seen half-written and an interrupted run leaves nothing behind under the target name.
 */
public final class SpeechSynth {

  /** The stamp file name. */
  public static final String STAMP = "synth.json";

  /** The manifest file name. */
  public static final String MANIFEST = "manifest.csv";

  private static final Pattern DIGEST =
      Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");

  private final Espeak espeak;
  private final int threads;

  /**
   * Creates a generator.
   *
   * @param espeak the program
   * @param threads parallel espeak-ng processes, 1 or more
   */
  public SpeechSynth(Espeak espeak, int threads) {
    this.espeak = espeak;
    this.threads = Math.max(1, threads);
  }

  /**
   * What a run produced.
   *
   * @param folder the set's folder
   * @param clips clips in it
   * @param digest the request digest
   * @param cached whether an existing set was reused
   * @param seconds wall time
   */
  public record Result(Path folder, long clips, String digest, boolean cached, double seconds) {}

  /**
   * The default cache folder for a request: {@code <cache>/speech-synth/<first 16 hex digits>}.
   *
   * @param cacheRoot e.g. {@code $GRAFT_CACHE} or {@code ~/.graft/cache}
   * @param request the request
   * @return the folder
   */
  public Path cacheFolder(Path cacheRoot, SynthRequest request) {
    String digest = request.digest(espeak.version());
    return cacheRoot.resolve("speech-synth").resolve(digest.substring(7, 23));
  }

  /**
   * Makes the set unless {@code out} already holds it.
   *
   * @param request what to generate
   * @param out the set's folder (replaced if it holds another set)
   * @param progress receives a few progress lines
   * @return the result
   * @throws GraftException SPEECH-SYNTH-002 when a synthesis fails, GRAFT-IO-002 when the folder
   *     cannot be written
   */
  public Result generate(SynthRequest request, Path out, Consumer<String> progress) {
    long started = System.nanoTime();
    Path target = out.toAbsolutePath().normalize();
    String digest = request.digest(espeak.version());
    if (digest.equals(stampedDigest(target))) {
      return new Result(target, request.clipCount(), digest, true, seconds(started));
    }
    Path staged;
    try {
      Files.createDirectories(target.getParent());
      staged = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE, "cannot create a folder next to " + target + ": " + e, e);
    }
    try {
      List<String> rows = write(request, staged, progress);
      StringBuilder csv = new StringBuilder("path,label,speaker\n");
      rows.forEach(r -> csv.append(r).append('\n'));
      Files.writeString(staged.resolve(MANIFEST), csv, StandardCharsets.UTF_8);
      Files.writeString(
          staged.resolve(STAMP), stamp(request, digest, rows.size()), StandardCharsets.UTF_8);
      Path previous = AtomicFiles.replaceDirectory(staged, target);
      if (previous != null) {
        deleteQuietly(previous);
      }
    } catch (IOException e) {
      deleteQuietly(staged);
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE, "cannot write the speech set " + target + ": " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(staged);
      throw e;
    }
    return new Result(target, request.clipCount(), digest, false, seconds(started));
  }

  private List<String> write(SynthRequest request, Path dir, Consumer<String> progress)
      throws IOException {
    Path scratch = Files.createDirectories(dir.resolve(".scratch"));
    record Job(String word, String voice, int speed, int pitch) {}
    List<Job> jobs = new ArrayList<>();
    for (String word : request.words()) {
      for (String voice : request.voices()) {
        for (int speed : request.speeds()) {
          for (int pitch : request.pitches()) {
            jobs.add(new Job(word, voice, speed, pitch));
          }
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(
            pool.submit(() -> utterance(request, dir, scratch, j.word, j.voice, j.speed, j.pitch)));
      }
      List<String> rows = new ArrayList<>();
      int done = 0;
      int step = Math.max(1, jobs.size() / 10);
      for (Future<List<String>> f : futures) {
        rows.addAll(f.get());
        if (++done % step == 0 || done == jobs.size()) {
          progress.accept(
              String.format(Locale.ROOT, "synthesised %d/%d utterances", done, jobs.size()));
        }
      }
      return rows;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GraftException g) {
        throw g;
      }
      throw new GraftException(
          GraftErrors.INTERNAL, "speech synthesis failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraftException(GraftErrors.INTERNAL, "speech synthesis was interrupted", e);
    } finally {
      pool.shutdownNow();
      deleteQuietly(scratch);
    }
  }

  private List<String> utterance(
      SynthRequest request,
      Path dir,
      Path scratch,
      String word,
      String voice,
      int speed,
      int pitch) {
    WavAudio audio = espeak.speak(word, voice, speed, pitch, scratch);
    float[] speech =
        trim(Resampler.resample(audio.samples(), audio.sampleRate(), request.sampleRate()));
    String speaker = SynthRequest.speaker(voice, speed, pitch);
    int clip = (int) Math.round(request.clipSeconds() * request.sampleRate());
    String folderName = word.replace(' ', '_');
    List<String> rows = new ArrayList<>();
    for (int n = 0; n < request.repeats(); n++) {
      SplittableRandom random = new SplittableRandom(seedFor(request.seed(), word, speaker, n));
      float[] placed;
      if (speech.length >= clip) {
        placed = new ClipFit(clip, ClipFit.Align.ENERGY).apply(speech);
      } else {
        placed = new float[clip];
        int offset = random.nextInt(clip - speech.length + 1);
        System.arraycopy(speech, 0, placed, offset, speech.length);
      }
      if (request.noisy()) {
        NoiseGenerator.Colour colour =
            NoiseGenerator.Colour.values()[random.nextInt(NoiseGenerator.Colour.values().length)];
        double snr =
            request.snrMinDb() == request.snrMaxDb()
                ? request.snrMinDb()
                : random.nextDouble(request.snrMinDb(), request.snrMaxDb());
        float[] noise = NoiseGenerator.generate(colour, clip, random.split());
        // the SNR is measured over the speech, not the padded clip
        float[] speechPower = java.util.Arrays.copyOf(speech, Math.min(speech.length, clip));
        double scale = Math.sqrt(meanSquare(speechPower) / Math.pow(10, snr / 10));
        for (int i = 0; i < clip; i++) {
          placed[i] += (float) (scale * noise[i]);
        }
      }
      float peak = 0;
      for (float v : placed) {
        peak = Math.max(peak, Math.abs(v));
      }
      if (peak > 0.99f) {
        for (int i = 0; i < placed.length; i++) {
          placed[i] *= 0.99f / peak;
        }
      }
      String rel = folderName + "/" + speaker + "_nohash_" + n + ".wav";
      WavWriter.writePcm16(placed, request.sampleRate(), dir.resolve(rel));
      rows.add(rel + "," + folderName + "," + speaker);
    }
    return rows;
  }

  /** Cuts leading and trailing samples more than 40 dB below the peak (keeping 10 ms margins). */
  static float[] trim(float[] x) {
    float peak = 0;
    for (float v : x) {
      peak = Math.max(peak, Math.abs(v));
    }
    float threshold = peak * 0.01f;
    int first = 0;
    while (first < x.length && Math.abs(x[first]) < threshold) {
      first++;
    }
    int last = x.length - 1;
    while (last > first && Math.abs(x[last]) < threshold) {
      last--;
    }
    if (first >= x.length) {
      return x;
    }
    int margin = 160;
    return java.util.Arrays.copyOfRange(
        x, Math.max(0, first - margin), Math.min(x.length, last + 1 + margin));
  }

  private static double meanSquare(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return s / Math.max(1, x.length);
  }

  static long seedFor(long seed, String word, String speaker, int n) {
    long h = seed;
    for (char c : (word + "\u0000" + speaker).toCharArray()) {
      h = h * 1_000_003L + c;
    }
    return AudioAugmentation.seedFor(h, n);
  }

  private String stamp(SynthRequest r, String digest, int clips) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("digest", digest);
    m.put("generatorVersion", SynthRequest.GENERATOR_VERSION);
    m.put("espeak", espeak.version());
    m.put("clips", clips);
    m.put("words", r.words());
    m.put("voices", r.voices());
    m.put("speeds", r.speeds());
    m.put("pitches", r.pitches());
    m.put("repeats", r.repeats());
    m.put("sampleRate", r.sampleRate());
    m.put("clipSeconds", r.clipSeconds());
    m.put("noiseSnrDb", r.noisy() ? List.of(r.snrMinDb(), r.snrMaxDb()) : "none");
    m.put("seed", r.seed());
    return toJson(m) + "\n";
  }

  private static String toJson(Object v) {
    if (v instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(sb.length() == 1 ? "" : ", ")
            .append(Json.string(e.getKey().toString()))
            .append(": ");
        sb.append(toJson(e.getValue()));
      }
      return sb.append('}').toString();
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (Object o : list) {
        sb.append(sb.length() == 1 ? "" : ", ").append(toJson(o));
      }
      return sb.append(']').toString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return Json.string(String.valueOf(v));
  }

  /**
   * The digest recorded in a folder's stamp.
   *
   * @param folder a set folder
   * @return the digest, or {@code null} when there is no readable stamp
   */
  static String stampedDigest(Path folder) {
    Path stamp = folder.resolve(STAMP);
    if (!Files.isRegularFile(stamp)) {
      return null;
    }
    try {
      Matcher m = DIGEST.matcher(Files.readString(stamp, StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void deleteQuietly(Path dir) {
    try {
      AtomicFiles.deleteTree(dir);
    } catch (IOException ignored) {
      // best effort: a temporary folder left behind is named .<target>.tmp-*
    }
  }
}
