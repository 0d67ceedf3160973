package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ClassFolders;
import dev.graft.sdk.read.ParallelDecode;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads a folder with one sub-folder per class ({@code root/cat/001.png}, {@code root/dog/a.jpg}),
 * the layout of Keras's {@code image_dataset_from_directory} and torchvision's {@code ImageFolder}.
 * Class names are the sub-folder names, sorted; images are searched recursively inside each class
 * folder and ordered by path, so the result does not depend on the order the file system lists them
 * in. Names starting with a dot are ignored, as are plain files directly in the root (their count
 * is recorded as the fact {@code ignored-root-files}).
 *
 * <p>Options: {@code channels} (auto, 1 or 3), {@code max-pixels} (per image, default 50,000,000),
 * {@code min-side} (default 4). Bad files (zero-byte, truncated, corrupt, non-image, out of size
 * bounds) and empty class folders are all listed: in one error with FAIL, in {@link
 * ReadResult#skipped()} with SKIP. With {@code maxExamples}, examples are taken round-robin across
 * classes so every class is represented.
 */
@Extension
public final class ImageFolderReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "image-folder";

  private static final Map<String, String> OPTIONS =
      Map.of(
          "channels", DatasetAssembler.CHANNELS_HELP,
          "max-pixels", "largest width x height per image, default 50000000",
          "min-side", "smallest width and height, default 4");

  /** Creates the reader. */
  public ImageFolderReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Image folders, one sub-folder per class (JPEG, PNG, BMP, GIF).";
  }

  @Override
  public Capabilities capabilities() {
    return VisionReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public Class<?> exampleType() {
    return Image.class;
  }

  @Override
  public boolean accepts(Path path) {
    return ClassFolders.holdsClassFolders(path, ImageDecoder::hasImageExtension);
  }

  @Override
  public ReadResult<Image> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    int channels = DatasetAssembler.channelsOption(opts);
    ImageDecoder decoder =
        new ImageDecoder(
            opts.longValue("max-pixels", ImageDecoder.DEFAULT_MAX_PIXELS, 16, Integer.MAX_VALUE),
            (int) opts.longValue("min-side", ImageDecoder.DEFAULT_MIN_SIDE, 1, 65_535));
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          root
              + (Files.exists(root) ? " is not a folder" : " does not exist")
              + "; reader '"
              + ID
              + "' expects a folder with one sub-folder per class.");
    }
    BadInputLog log = new BadInputLog();
    ClassFolders.Listing listing = ClassFolders.list(root, dir -> false);
    List<Path> classDirs = listing.classDirs();
    int ignoredRootFiles = listing.ignoredRootFiles();
    if (classDirs.isEmpty()) {
      throw new InvalidInputException(
          VisionErrors.NO_EXAMPLES,
          root
              + " has no class sub-folders; reader '"
              + ID
              + "' expects root/<class>/<image>, e.g. root/cat/001.png.");
    }
    ClassFolders.Classes classes =
        ClassFolders.collect(
            root,
            classDirs,
            ImageDecoder::hasImageExtension,
            log,
            VisionErrors.UNDECODABLE_IMAGE,
            file ->
                "not an image file (extension '."
                    + ImageDecoder.extension(file)
                    + "'); this reader reads "
                    + new java.util.TreeSet<>(ImageDecoder.EXTENSIONS)
                    + "; move it out of the class folder",
            VisionErrors.EMPTY_CLASS_FOLDER,
            "class folder holds no images; add images or remove the folder");
    List<String> classNames = classes.names();
    List<List<Path>> filesByClass = classes.files();
    List<Path> files = new ArrayList<>();
    List<Integer> fileLabels = new ArrayList<>();
    ClassFolders.select(filesByClass, options.maxExamples(), files, fileLabels);

    List<Image> images = new ArrayList<>();
    List<Integer> kept =
        ParallelDecode.decodeAll(
            files.size(),
            i -> decoder.decode(files.get(i), ClassFolders.relative(root, files.get(i))),
            log,
            images);
    List<Integer> labels = kept.stream().map(fileLabels::get).toList();
    log.failIfAny(options.onBadInput(), ID, root.toString());
    int used = DatasetAssembler.unifyChannels(images, channels);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", ID);
    facts.put("ignored-root-files", Integer.toString(ignoredRootFiles));
    facts.put("channels-option", channels == 0 ? "auto" : Integer.toString(used));
    return DatasetAssembler.build(
        ID,
        DatasetAssembler.nameOf(root),
        root.toString(),
        images,
        labels.stream().mapToInt(Integer::intValue).toArray(),
        classNames,
        log,
        facts);
  }
}
