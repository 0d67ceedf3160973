package dev.graft.speech.pretrain;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.cli.EnvironmentCommand;
import dev.graft.sdk.cli.PretrainOptions;
import dev.graft.sdk.store.ModelStores;
import dev.graft.sdk.train.ClassifierPretrainer;
import dev.graft.speech.Clip;
import dev.graft.speech.dsp.ClipFit;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.speech.feature.AudioAugmentation;
import dev.graft.speech.feature.FeatureSpec;
import dev.graft.speech.read.AudioCsvReader;
import dev.graft.speech.read.WavFolderReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graft pretrain speech}: trains a keyword-spotting recipe on labelled clips and stores it
 * in Graft's model store, where the {@code model-store} source loader offers it to transfer jobs.
 *
 * <pre>
 * graft datasets speech-synth --out kw --words keywords --voices en-us+m1,en-gb+f1
 * graft pretrain speech --data kw --recipe kws-cnn --epochs 30 --name kws-keywords
 * </pre>
 *
 * <p>Exit codes: 0 stored, 1 a Graft error (unreadable data, invalid value, training diverged,
 * store not writable), 2 a usage error.
 */
@Extension
public final class PretrainSpeechCommand extends EnvironmentCommand {

  /** Creates the command (model store default from the process environment). */
  public PretrainSpeechCommand() {
    this(System.getenv());
  }

  /**
   * Creates the command with an explicit environment (for {@link ModelStores#ENV}).
   *
   * @param env the environment
   */
  public PretrainSpeechCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public String id() {
    return "pretrain-speech";
  }

  @Override
  public String description() {
    return "Train a keyword-spotting recipe (kws-cnn, kws-ds-cnn) on labelled clips and store it"
        + " in the model store as a source model.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.AUDIO), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("pretrain", "speech");
  }

  @Override
  protected Object options(PrintWriter out, Map<String, String> env) {
    return new Options(out, env);
  }

  /** The command line options. */
  @Command(
      name = "speech",
      mixinStandardHelpOptions = true,
      description = {
        "Trains a keyword-spotting recipe on labelled clips (log-mel or MFCC features, Adam,"
            + " seeded noise/shift/SpecAugment augmentation, stratified validation split with"
            + " early stopping on its loss) and stores it as <store>/<name>/ (SavedModel +"
            + " graft-model.json with the audio input spec) for the model-store source loader."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;
    private final Map<String, String> env;

    @Option(
        names = "--data",
        required = true,
        paramLabel = "PATH",
        description = "a class-per-folder WAV folder or a path,label[,speaker] CSV")
    Path data;

    @Option(
        names = "--reader",
        defaultValue = "auto",
        paramLabel = "ID",
        description =
            "wav-folder, audio-csv or auto (a folder or a .csv) (default: ${DEFAULT-VALUE})")
    String reader;

    @Option(
        names = "--option",
        paramLabel = "KEY=VALUE",
        description = "a reader option, repeatable, e.g. --option silence-db=off")
    Map<String, String> readerOptions = new LinkedHashMap<>();

    @Option(
        names = "--recipe",
        defaultValue = "kws-cnn",
        paramLabel = "ID",
        description = "kws-cnn or kws-ds-cnn (default: ${DEFAULT-VALUE})")
    String recipe;

    @Option(
        names = "--features",
        defaultValue = "log-mel",
        paramLabel = "TYPE",
        description = "log-mel or mfcc (default: ${DEFAULT-VALUE})")
    String features;

    @Option(
        names = "--n-mels",
        defaultValue = "40",
        paramLabel = "N",
        description = "mel filters (default: ${DEFAULT-VALUE})")
    int nMels;

    @Option(
        names = "--n-mfcc",
        defaultValue = "13",
        paramLabel = "N",
        description = "cepstral coefficients with --features mfcc (default: ${DEFAULT-VALUE})")
    int nMfcc;

    @Option(
        names = "--window",
        defaultValue = "hann",
        paramLabel = "W",
        description = "analysis window: hann, hamming or rectangular (default: ${DEFAULT-VALUE})")
    String window;

    @Option(
        names = "--frame-ms",
        defaultValue = "30",
        paramLabel = "MS",
        description = "frame length in milliseconds (default: ${DEFAULT-VALUE})")
    double frameMs;

    @Option(
        names = "--hop-ms",
        defaultValue = "20",
        paramLabel = "MS",
        description = "hop between frames in milliseconds (default: ${DEFAULT-VALUE})")
    double hopMs;

    @Option(
        names = "--n-fft",
        paramLabel = "N",
        description = "FFT size, a power of two (default: the smallest one >= the frame length)")
    Integer nFft;

    @Option(
        names = "--fmin",
        defaultValue = "20",
        paramLabel = "HZ",
        description = "lowest mel filter edge (default: ${DEFAULT-VALUE})")
    double fmin;

    @Option(
        names = "--fmax",
        paramLabel = "HZ",
        description = "highest mel filter edge (default: 7600, at most 0.95 x sample rate / 2)")
    Double fmax;

    @Option(
        names = "--log-floor",
        defaultValue = "1e-6",
        paramLabel = "E",
        description = "smallest mel energy before the logarithm (default: ${DEFAULT-VALUE})")
    double logFloor;

    @Option(
        names = "--sample-rate",
        defaultValue = "16000",
        paramLabel = "HZ",
        description = "model sample rate; clips are resampled to it (default: ${DEFAULT-VALUE})")
    int sampleRate;

    @Option(
        names = "--clip-seconds",
        defaultValue = "1.0",
        paramLabel = "S",
        description = "fixed clip length (default: ${DEFAULT-VALUE})")
    double clipSeconds;

    @Option(
        names = "--epochs",
        defaultValue = "30",
        paramLabel = "N",
        description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
        names = "--seed",
        defaultValue = "42",
        paramLabel = "S",
        description = "seed of split, weights, shuffling, augmentation (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "ID",
        description = "the model's folder name in the store, e.g. kws-keywords")
    String name;

    @Option(
        names = "--patience",
        defaultValue = "10",
        paramLabel = "N",
        description = "early-stopping patience in epochs (default: ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--no-augment", description = "train without augmentation")
    boolean noAugment;

    @Mixin PretrainOptions common;

    Options(PrintWriter out, Map<String, String> env) {
      this.out = out;
      this.env = env;
    }

    @Override
    public Integer call() {
      Path where = common.store(env);
      ModelStores.checkName(name);
      FeatureSpec base = FeatureSpec.defaults();
      FeatureSpec.Type type =
          switch (features.trim().toLowerCase(Locale.ROOT)) {
            case "log-mel" -> FeatureSpec.Type.LOG_MEL;
            case "mfcc" -> FeatureSpec.Type.MFCC;
            default ->
                throw new ConfigException("--features is '" + features + "'; use log-mel or mfcc.");
          };
      int frame = (int) Math.round(sampleRate * frameMs / 1000);
      int hop = (int) Math.round(sampleRate * hopMs / 1000);
      ConfigException.require(frame >= 16, "--frame-ms", frameMs, "at least 16 samples long");
      ConfigException.require(hop >= 1, "--hop-ms", hopMs, "at least one sample long");
      FeatureSpec spec =
          new FeatureSpec(
              type,
              sampleRate,
              FeatureSpec.Window.valueOf(windowName(window)),
              frame,
              nFft != null ? nFft : Integer.highestOneBit(frame - 1) * 2,
              hop,
              nMels,
              fmin,
              fmax != null ? fmax : Math.min(base.fmax(), sampleRate / 2.0 * 0.95),
              logFloor,
              nMfcc,
              base.normalize());
      ConfigException.require(
          clipSeconds > 0 && clipSeconds <= 60, "--clip-seconds", clipSeconds, "0 to 60");
      int samples = (int) Math.round(clipSeconds * sampleRate);
      AudioInputSpec input =
          new AudioInputSpec(
              spec,
              samples,
              ClipFit.Align.ENERGY,
              noAugment ? AudioAugmentation.none() : AudioAugmentation.defaults());
      Dataset<Clip> clips = read(input);
      out.printf(
          Locale.ROOT,
          "pretraining %s on %s (%d clips, %d classes, %s speakers, input %dx%dx1 %s) into %s%n",
          recipe,
          clips.info().name(),
          clips.size(),
          clips.classLabels().numClasses(),
          clips.info().properties().getOrDefault("speakers", "0"),
          input.frames(),
          input.bins(),
          type.id(),
          where.resolve(name).toAbsolutePath().normalize());
      out.flush();
      ClassifierPretrainer.Outcome r =
          new SpeechPretrainer(common.device(), PretrainOptions.lines(out, "  "))
              .run(
                  new SpeechPretrainer.Request(
                      clips,
                      input,
                      recipe,
                      epochs,
                      seed,
                      name,
                      where,
                      common.validation(),
                      patience,
                      common.batchSize(),
                      common.learningRate(),
                      !noAugment));
      out.printf(
          Locale.ROOT,
          "stored %s: %d epochs run (best %d), validation accuracy %s, %.1f s%n",
          r.model(),
          r.epochsRun(),
          r.bestEpoch(),
          PretrainOptions.accuracy(r.validationAccuracy()),
          r.seconds());
      out.println(
          "source id for jobs: store:"
              + name
              + " (sources: [{loader: model-store, select: [\"store:"
              + name
              + "\"]}])");
      return 0;
    }

    private static String windowName(String w) {
      String v = w.trim().toUpperCase(Locale.ROOT);
      for (FeatureSpec.Window x : FeatureSpec.Window.values()) {
        if (x.name().equals(v)) {
          return v;
        }
      }
      throw new ConfigException("--window is '" + w + "'; use hann, hamming or rectangular.");
    }

    private Dataset<Clip> read(AudioInputSpec input) {
      Map<String, String> opts = new LinkedHashMap<>(readerOptions);
      opts.putIfAbsent("sample-rate", Integer.toString(input.sampleRate()));
      opts.putIfAbsent(
          "clip-seconds", Double.toString(input.clipSamples() / (double) input.sampleRate()));
      String id = reader.trim().toLowerCase(Locale.ROOT);
      if (id.equals("auto")) {
        id = Files.isDirectory(data) ? WavFolderReader.ID : AudioCsvReader.ID;
      }
      DatasetReader r =
          switch (id) {
            case WavFolderReader.ID -> new WavFolderReader();
            case AudioCsvReader.ID -> new AudioCsvReader();
            default ->
                throw new ConfigException(
                    "unknown reader '"
                        + reader
                        + "' for --reader; use wav-folder, audio-csv or auto.");
          };
      ReadResult<?> result = r.read(data, new ReadOptions(BadInputPolicy.FAIL, 0, opts));
      @SuppressWarnings("unchecked")
      Dataset<Clip> clips = (Dataset<Clip>) result.dataset();
      return clips;
    }
  }
}
