package dev.graft.vision.pretrain;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.error.ConfigException;
import dev.graft.api.extension.Capabilities;
import dev.graft.api.extension.Modality;
import dev.graft.api.extension.TaskType;
import dev.graft.sdk.cli.EnvironmentCommand;
import dev.graft.sdk.cli.PretrainOptions;
import dev.graft.sdk.store.ModelStores;
import dev.graft.vision.Image;
import dev.graft.vision.data.VisionData;
import dev.graft.vision.demo.DemoSources;
import dev.graft.vision.preprocess.AugmentationSpec;
import dev.graft.vision.preprocess.ImageInputSpec;
import dev.graft.vision.read.IdxReader;
import dev.graft.vision.read.ImageCsvReader;
import dev.graft.vision.read.ImageFolderReader;
import dev.graft.vision.read.PixelCsvReader;
import dev.graft.vision.recipe.VisionRecipes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graft pretrain vision}: trains a vision recipe on a labelled image data set and stores it
 * in Graft's model store, where the {@code model-store} source loader offers it to transfer jobs.
 *
 * <pre>
 * graft pretrain vision --shipped glyph-digits --recipe small-cnn --epochs 30 --seed 1 \
 *     --name glyphs-digits
 * graft pretrain vision --reader idx --data /usr/share/datasets/fashion-mnist \
 *     --option classes=0,1,2,3,4 --name fashion-0-4
 * graft pretrain vision --demo-sources
 * </pre>
 *
 * <p>Exit codes: 0 stored, 1 a Graft error (unreadable data, invalid option value, training
 * diverged, store not writable), 2 a usage error.
 */
@Extension
public final class PretrainCommand extends EnvironmentCommand {

  /** Creates the command (model store default from the process environment). */
  public PretrainCommand() {
    this(System.getenv());
  }

  /**
   * Creates the command with an explicit environment (for {@link ModelStores#ENV}).
   *
   * @param env the environment
   */
  public PretrainCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public String id() {
    return "pretrain-vision";
  }

  @Override
  public String description() {
    return "Train a vision recipe (small-cnn, resnet-tiny, mobilenet-tiny) on labelled images and"
        + " store it in the model store as a source model.";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        EnumSet.of(Modality.VISION), EnumSet.of(TaskType.CLASSIFICATION), Set.of());
  }

  @Override
  public List<String> path() {
    return List.of("pretrain", "vision");
  }

  @Override
  protected Object options(PrintWriter out, Map<String, String> env) {
    return new Options(out, env);
  }

  /** Where the images come from: a file read by a reader, or a data set shipped in the plugin. */
  static final class DataChoice {
    @Option(
        names = "--data",
        paramLabel = "PATH",
        description = "a file or folder read with --reader")
    Path data;

    @Option(
        names = "--shipped",
        paramLabel = "NAME",
        description = "a data set shipped in the plugin: glyph-digits, glyph-alnum, uci-digits")
    String shipped;

    @Option(
        names = "--demo-sources",
        description =
            "make the demo's sources glyphs-digits and glyphs-alnum (small-cnn on the shipped glyph"
                + " sets), skipping those already in the store")
    boolean demoSources;
  }

  /** The command line options. */
  @Command(
      name = "vision",
      mixinStandardHelpOptions = true,
      description = {
        "Trains a vision recipe on labelled images (Adam, seeded augmentation, stratified"
            + " validation split with early stopping on its loss) and stores it as"
            + " <store>/<name>/ (SavedModel + graft-model.json) for the model-store source loader."
      })
  static final class Options implements Callable<Integer> {

    private final PrintWriter out;
    private final Map<String, String> env;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DataChoice source;

    @Option(
        names = "--reader",
        defaultValue = "pixel-csv",
        paramLabel = "ID",
        description = "image-folder, image-csv, idx or pixel-csv (default: ${DEFAULT-VALUE})")
    String reader;

    @Option(
        names = "--option",
        paramLabel = "KEY=VALUE",
        description = "a reader option, repeatable, e.g. --option width=8 --option max-value=16")
    Map<String, String> readerOptions = new LinkedHashMap<>();

    @Option(
        names = "--recipe",
        defaultValue = "small-cnn",
        paramLabel = "ID",
        description = "small-cnn, resnet-tiny or mobilenet-tiny (default: ${DEFAULT-VALUE})")
    String recipe;

    @Option(
        names = "--epochs",
        defaultValue = "20",
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
        paramLabel = "ID",
        description =
            "the model's folder name in the store, e.g. glyphs-digits (required unless"
                + " --demo-sources)")
    String name;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--size",
        paramLabel = "HxW",
        description = "model input size (default: the images' size, which must then be uniform)")
    String size;

    @Option(
        names = "--channels",
        paramLabel = "C",
        description = "model input channels, 1 or 3 (default: 3 if any image is colour, else 1)")
    Integer channels;

    @Option(
        names = "--patience",
        defaultValue = "3",
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
      if (source.demoSources) {
        DemoSources.ensure(where, common.device(), PretrainOptions.lines(out, ""));
        return 0;
      }
      if (name == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Missing required option: '--name=ID'");
      }
      Dataset<Image> data = read();
      ImageInputSpec input = inputSpec(data);
      PretrainRequest request =
          new PretrainRequest(
              data,
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
              noAugment ? AugmentationSpec.NONE : AugmentationSpec.mild());
      out.printf(
          Locale.ROOT,
          "pretraining %s on %s (%d images, %d classes, input %dx%dx%d) into %s%n",
          recipe,
          data.info().name(),
          data.size(),
          data.classLabels().numClasses(),
          input.height(),
          input.width(),
          input.channels(),
          request.target().toAbsolutePath().normalize());
      out.flush();
      PretrainResult r =
          new Pretrainer(common.device(), PretrainOptions.lines(out, "  ")).run(request);
      out.printf(
          Locale.ROOT,
          "stored %s: %d epochs run (best %d), validation accuracy %s on %d images, %.1f s%n",
          r.model(),
          r.epochsRun(),
          r.bestEpoch(),
          PretrainOptions.accuracy(r.validationAccuracy()),
          r.validationExamples(),
          r.seconds());
      out.println(
          "source id for jobs: store:"
              + name
              + " (sources: [{loader: model-store, select: [\""
              + name
              + "\"]}])");
      return 0;
    }

    private Dataset<Image> read() {
      if (source.shipped != null) {
        if (!readerOptions.isEmpty()) {
          throw new ConfigException(
              "--option applies to --data only; the shipped data sets are read with fixed"
                  + " options.");
        }
        return VisionData.byName(source.shipped).load();
      }
      DatasetReader r = reader(reader);
      @SuppressWarnings("unchecked")
      Dataset<Image> d =
          (Dataset<Image>)
              r.read(source.data, new ReadOptions(BadInputPolicy.FAIL, 0, readerOptions)).dataset();
      return d;
    }

    private static DatasetReader reader(String id) {
      return switch (id) {
        case "pixel-csv" -> new PixelCsvReader();
        case "idx" -> new IdxReader();
        case "image-folder" -> new ImageFolderReader();
        case "image-csv" -> new ImageCsvReader();
        default ->
            throw new ConfigException(
                "unknown reader '"
                    + id
                    + "' for --reader; use image-folder, image-csv, idx or pixel-csv.");
      };
    }

    private ImageInputSpec inputSpec(Dataset<Image> data) {
      int h;
      int w;
      if (size != null) {
        String[] parts = size.toLowerCase(Locale.ROOT).split("x");
        try {
          if (parts.length != 2) {
            throw new NumberFormatException(size);
          }
          h = Integer.parseInt(parts[0].trim());
          w = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
          throw new ConfigException(
              "--size is '" + size + "'; give height x width, e.g. --size 28x28.");
        }
      } else {
        Image first = data.example(0);
        h = first.height();
        w = first.width();
        for (Image img : data.examples()) {
          if (img.height() != h || img.width() != w) {
            throw new ConfigException(
                "the images differ in size ("
                    + first.origin()
                    + " is "
                    + h
                    + "x"
                    + w
                    + ", "
                    + img.origin()
                    + " is "
                    + img.height()
                    + "x"
                    + img.width()
                    + "); pass --size HxW to resize them all.");
          }
        }
      }
      int c =
          channels != null
              ? channels
              : data.examples().stream().anyMatch(i -> i.channels() == 3) ? 3 : 1;
      if (!VisionRecipes.IDS.contains(recipe)) {
        throw new ConfigException(
            "unknown recipe '"
                + recipe
                + "' for --recipe; use one of "
                + String.join(", ", VisionRecipes.IDS)
                + ".");
      }
      return ImageInputSpec.of(h, w, c);
    }
  }
}
