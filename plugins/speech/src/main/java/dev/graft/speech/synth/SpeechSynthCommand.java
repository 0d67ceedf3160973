package dev.graft.speech.synth;

import dev.graft.api.command.PluginCommand;
import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.cli.PicocliCommands;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graft datasets speech-synth}: generates labelled keyword clips with espeak-ng.
 *
 * <pre>
 * graft datasets speech-synth --out kw --words keywords \
 *     --voices en-us+m1,en-us+f1,en-gb+m2,en-gb+f3 --speeds 140,180 --pitches 40,60
 * graft datasets speech-synth --words digits --voices en-gb-scotland+f2 --repeats 3
 * </pre>
 *
 * <p>Without {@code --out} the set goes to {@code $GRAFT_CACHE/speech-synth/<digest>} (else {@code
 * ~/.graft/cache/...}) and its folder is printed. A set already there with the same parameters is
 * reused. Exit codes: 0 done, 1 a Graft error (espeak-ng missing or failing, folder not writable,
 * invalid value), 2 a usage error.
 */
@Extension
public final class SpeechSynthCommand implements PluginCommand {

  /** The environment variable of Graft's cache folder. */
  public static final String CACHE_ENV = "GRAFT_CACHE";

  private final Map<String, String> env;

  /** Creates the command (cache default from the process environment). */
  public SpeechSynthCommand() {
    this(System.getenv());
  }

  /**
   * Creates the command with an explicit environment (for {@value #CACHE_ENV}).
   *
   * @param env the environment
   */
  public SpeechSynthCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String id() {
    return "datasets-speech-synth";
  }

  @Override
  public String description() {
    return "Generate labelled keyword clips with espeak-ng (voices, variants, speeds, pitches,"
        + " seeded background noise) in the Speech Commands layout, cached by parameters.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.AUDIO), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("datasets", "speech-synth");
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    return PicocliCommands.execute(new Options(out, env), args, out, err);
  }

  /**
   * Expands word list names: {@code keywords} and {@code digits} stand for their ten words.
   *
   * @param items words or list names
   * @return the words
   */
  static List<String> expandWords(List<String> items) {
    List<String> words = new ArrayList<>();
    for (String item : items) {
      switch (item.trim().toLowerCase(Locale.ROOT)) {
        case "keywords" -> words.addAll(SynthRequest.KEYWORDS);
        case "digits" -> words.addAll(SynthRequest.DIGITS);
        default -> words.add(item.trim());
      }
    }
    return words;
  }

  /** The command line options. */
  @Command(
      name = "speech-synth",
      mixinStandardHelpOptions = true,
      description = {
        "Generates labelled keyword clips with espeak-ng: every voice x speed x pitch is a"
            + " speaker who says every word --repeats times, each with its own placement in the"
            + " clip and background noise. Writes <out>/<word>/<speaker>_nohash_<n>.wav (16-bit"
            + " PCM), manifest.csv (path,label,speaker) and synth.json; read it with the"
            + " wav-folder or audio-csv reader. Needs espeak-ng (apt-get install espeak-ng)."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;
    private final Map<String, String> env;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "the set's folder (default: $GRAFT_CACHE/speech-synth/<digest>)")
    Path outDir;

    @Option(
        names = "--words",
        split = ",",
        defaultValue = "keywords",
        paramLabel = "W",
        description =
            "words, comma-separated; 'keywords' (yes,no,up,down,left,right,on,off,stop,go) and"
                + " 'digits' (zero..nine) expand (default: ${DEFAULT-VALUE})")
    List<String> words;

    @Option(
        names = "--voices",
        split = ",",
        required = true,
        paramLabel = "V",
        description = "espeak-ng voices with optional variants, e.g. en-us+m3,en-gb-scotland+f2")
    List<String> voices;

    @Option(
        names = "--speeds",
        split = ",",
        defaultValue = "160",
        paramLabel = "WPM",
        description = "speaking rates in words per minute (default: ${DEFAULT-VALUE})")
    List<Integer> speeds;

    @Option(
        names = "--pitches",
        split = ",",
        defaultValue = "50",
        paramLabel = "P",
        description = "pitches 0..99 (default: ${DEFAULT-VALUE})")
    List<Integer> pitches;

    @Option(
        names = "--repeats",
        defaultValue = "1",
        paramLabel = "N",
        description = "clips per speaker and word (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(
        names = "--noise-snr",
        defaultValue = "10:30",
        paramLabel = "MIN:MAX",
        description = "background noise SNR range in dB, or none (default: ${DEFAULT-VALUE})")
    String noise;

    @Option(
        names = "--sample-rate",
        defaultValue = "16000",
        paramLabel = "HZ",
        description = "clip sample rate (default: ${DEFAULT-VALUE})")
    int sampleRate;

    @Option(
        names = "--clip-seconds",
        defaultValue = "1.0",
        paramLabel = "S",
        description = "clip length (default: ${DEFAULT-VALUE})")
    double clipSeconds;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "seed of noise and placement (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "parallel espeak-ng processes (default: the number of processors)")
    Integer threads;

    @Option(
        names = "--espeak",
        defaultValue = Espeak.DEFAULT_PROGRAM,
        paramLabel = "PATH",
        description = "the espeak-ng program (default: ${DEFAULT-VALUE})")
    String espeakProgram;

    Options(PrintWriter out, Map<String, String> env) {
      this.out = out;
      this.env = env;
    }

    @Override
    public Integer call() {
      double snrMin;
      double snrMax;
      if (noise.trim().equalsIgnoreCase("none")) {
        snrMin = Double.POSITIVE_INFINITY;
        snrMax = Double.POSITIVE_INFINITY;
      } else {
        String[] parts = noise.split(":");
        try {
          snrMin = Double.parseDouble(parts[0].trim());
          snrMax = parts.length > 1 ? Double.parseDouble(parts[1].trim()) : snrMin;
        } catch (NumberFormatException e) {
          throw new ConfigException(
              "--noise-snr is '"
                  + noise
                  + "'; give MIN:MAX in dB (e.g. 10:30), one value, or none.");
        }
      }
      SynthRequest request =
          new SynthRequest(
              expandWords(words),
              voices,
              speeds,
              pitches,
              repeats,
              sampleRate,
              clipSeconds,
              snrMin,
              snrMax,
              seed);
      Espeak espeak = Espeak.locate(espeakProgram);
      SpeechSynth synth =
          new SpeechSynth(
              espeak, threads != null ? threads : Runtime.getRuntime().availableProcessors());
      Path target = outDir != null ? outDir : synth.cacheFolder(cacheRoot(), request);
      out.printf(
          Locale.ROOT,
          "speech-synth: %d words x %d voices x %d speeds x %d pitches x %d repeats = %d clips"
              + " (%s)%n",
          request.words().size(),
          request.voices().size(),
          request.speeds().size(),
          request.pitches().size(),
          request.repeats(),
          request.clipCount(),
          espeak.version());
      out.flush();
      SpeechSynth.Result r =
          synth.generate(
              request,
              target,
              line -> {
                out.println("  " + line);
                out.flush();
              });
      out.printf(
          Locale.ROOT,
          "%s %s: %d clips (%s), %.1f s%n",
          r.cached() ? "up to date" : "wrote",
          r.folder(),
          r.clips(),
          r.digest().substring(0, 19),
          r.seconds());
      out.println("read it with: reader: wav-folder, path: " + r.folder());
      return 0;
    }

    private Path cacheRoot() {
      String fromEnv = env.get(CACHE_ENV);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return Path.of(fromEnv);
      }
      return Path.of(System.getProperty("user.home"), ".graft", "cache");
    }
  }
}
