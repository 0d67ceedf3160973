package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ClassNames;
import dev.graft.sdk.read.CsvManifest;
import dev.graft.sdk.read.ParallelDecode;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads a CSV manifest of {@code path,label} rows; relative paths are resolved against the CSV's
 * folder. Rows keep the manifest's order (it is the user's declared order, not a file-system
 * listing). Options: {@code header} (auto: the first row is a header when its first field has no
 * image extension; true; false), {@code channels}, {@code max-pixels}, {@code min-side} as for
 * {@code image-folder}. Rows with the wrong number of fields, an empty label, a missing file, or a
 * file that does not decode are reported with their line numbers.
 */
@Extension
public final class ImageCsvReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "image-csv";

  private static final Map<String, String> OPTIONS =
      Map.of(
          "header", "auto (default), true or false",
          "channels", DatasetAssembler.CHANNELS_HELP,
          "max-pixels", "largest width x height per image, default 50000000",
          "min-side", "smallest width and height, default 4");

  private static final CsvManifest MANIFEST =
      new CsvManifest(
          VisionErrors.MALFORMED_CSV_ROW,
          "image",
          2,
          2,
          "2 (path,label)",
          ImageCsvReader::looksLikeImage,
          false);

  /** Creates the reader. */
  public ImageCsvReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CSV manifest of image paths and labels (path,label), paths relative to the CSV.";
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
    return MANIFEST.accepts(path);
  }

  private static boolean looksLikeImage(String path) {
    int dot = path.lastIndexOf('.');
    return dot >= 0
        && ImageDecoder.EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  public ReadResult<Image> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    String headerMode = opts.choice("header", "auto", Set.of("auto", "true", "false"));
    int channels = DatasetAssembler.channelsOption(opts);
    ImageDecoder decoder =
        new ImageDecoder(
            opts.longValue("max-pixels", ImageDecoder.DEFAULT_MAX_PIXELS, 16, Integer.MAX_VALUE),
            (int) opts.longValue("min-side", ImageDecoder.DEFAULT_MIN_SIDE, 1, 65_535));
    Path csv = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(csv)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          csv + " is not a readable file; reader '" + ID + "' expects a CSV of path,label rows.");
    }
    BadInputLog log = new BadInputLog();
    List<CsvManifest.Row> rows = MANIFEST.read(csv, headerMode, options.maxExamples(), log);
    List<Path> files = rows.stream().map(CsvManifest.Row::file).toList();
    List<String> rowLabels = rows.stream().map(CsvManifest.Row::label).toList();
    List<String> where = rows.stream().map(CsvManifest.Row::location).toList();
    List<Image> images = new ArrayList<>();
    List<Integer> kept =
        ParallelDecode.decodeAll(
            files.size(),
            i -> decoder.decode(files.get(i), where.get(i)).withOrigin(files.get(i).toString()),
            log,
            images);
    List<String> labels = kept.stream().map(rowLabels::get).toList();
    log.failIfAny(options.onBadInput(), ID, csv.toString());
    DatasetAssembler.unifyChannels(images, channels);
    List<String> classNames = ClassNames.sorted(labels);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", ID);
    return DatasetAssembler.build(
        ID,
        DatasetAssembler.nameOf(csv),
        csv.toString(),
        images,
        ClassNames.indices(labels, classNames),
        classNames,
        log,
        facts);
  }
}
