package dev.graft.speech.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ClassFolders;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads a folder with one sub-folder per class of WAV files, the layout of Google's Speech Commands
 * ({@code root/yes/0a7c2a8d_nohash_0.wav}). Class names are the sub-folder names, sorted; files are
 * searched recursively inside each class folder and ordered by path. Folders whose name starts with
 * {@code _} (Speech Commands' {@code _background_noise_}) or {@code .} are not classes and are
 * skipped, as are plain files in the root; both counts are recorded as facts. A file named {@code
 * <speaker>_nohash_<n>.wav} records {@code <speaker>} as its clip's speaker.
 *
 * <p>Options (see {@code docs/speech.md}): {@code sample-rate}, {@code clip-seconds}, {@code
 * align}, {@code silence-db}. Non-WAV files, undecodable, truncated, compressed, empty and silent
 * clips, and class folders without WAV files are all listed: in one error with FAIL, in {@link
 * ReadResult#skipped()} with SKIP. With {@code maxExamples}, files are taken round-robin across
 * classes.
 */
@Extension
public final class WavFolderReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "wav-folder";

  /** Creates the reader. */
  public WavFolderReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "WAV folders, one sub-folder per class (Speech Commands layout); resampled and fitted"
        + " to a fixed length.";
  }

  @Override
  public Capabilities capabilities() {
    return SpeechReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of(ID);
  }

  @Override
  public Class<?> exampleType() {
    return Clip.class;
  }

  @Override
  public boolean accepts(Path path) {
    return ClassFolders.holdsClassFolders(path, ClipLoader::isWav);
  }

  @Override
  public ReadResult<Clip> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, ClipLoader.OPTIONS);
    ClipLoader loader = ClipLoader.from(opts);
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          root
              + (Files.exists(root) ? " is not a folder" : " does not exist")
              + "; reader '"
              + ID
              + "' expects a folder with one sub-folder of WAV files per class.");
    }
    BadInputLog log = new BadInputLog();
    ClassFolders.Listing listing =
        ClassFolders.list(root, dir -> dir.getFileName().toString().startsWith("_"));
    List<Path> classDirs = listing.classDirs();
    int ignoredRootFiles = listing.ignoredRootFiles();
    int ignoredFolders = listing.ignoredFolders();
    if (classDirs.isEmpty()) {
      throw new InvalidInputException(
          SpeechErrors.NO_CLIPS,
          root
              + " has no class sub-folders; reader '"
              + ID
              + "' expects root/<class>/<clip>.wav, e.g. root/yes/a_nohash_0.wav.");
    }
    ClassFolders.Classes classes =
        ClassFolders.collect(
            root,
            classDirs,
            ClipLoader::isWav,
            log,
            SpeechErrors.NOT_A_WAV,
            file -> "not a WAV file (no .wav extension); move it out of the class folder",
            SpeechErrors.EMPTY_CLASS_FOLDER,
            "class folder holds no WAV files; add clips or remove the folder");
    List<String> classNames = classes.names();
    List<List<Path>> filesByClass = classes.files();
    List<Path> files = new ArrayList<>();
    List<Integer> fileLabels = new ArrayList<>();
    ClassFolders.select(filesByClass, options.maxExamples(), files, fileLabels);
    List<String> locations = files.stream().map(f -> ClassFolders.relative(root, f)).toList();
    List<String> speakers = files.stream().map(WavFolderReader::speakerOf).toList();
    List<Clip> clips = new ArrayList<>();
    List<Integer> kept = loader.loadAll(files, locations, speakers, log, clips);
    log.failIfAny(options.onBadInput(), ID, root.toString());
    int[] labels = kept.stream().mapToInt(fileLabels::get).toArray();
    Map<String, String> facts = loader.facts(ID);
    facts.put("ignored-root-files", Integer.toString(ignoredRootFiles));
    facts.put("ignored-folders", Integer.toString(ignoredFolders));
    return ClipLoader.build(
        ID, ClipLoader.nameOf(root), root.toString(), clips, labels, classNames, log, facts);
  }

  /**
   * The speaker of a Speech Commands file name ({@code <speaker>_nohash_<n>.wav}).
   *
   * @param file the file
   * @return the speaker, or {@code null} for other names
   */
  static String speakerOf(Path file) {
    String n = file.getFileName().toString();
    int at = n.indexOf("_nohash_");
    return at > 0 ? n.substring(0, at) : null;
  }
}
