package dev.graft.vision.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputException;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.sdk.read.TextInput;
import dev.graft.vision.Image;
import dev.graft.vision.VisionErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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
    if (!Files.isRegularFile(path)
        || !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return false;
    }
    try (InputStream raw = Files.newInputStream(path);
        BufferedReader lines = TextInput.lines(raw)) {
      for (int i = 0; i < 2; i++) {
        String line = lines.readLine();
        if (line == null) {
          return false;
        }
        List<String> f = TextInput.split(line, ',');
        if (f.size() == 2 && looksLikeImage(f.get(0))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
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
    Path base = csv.getParent();
    String name = csv.getFileName().toString();
    BadInputLog log = new BadInputLog();
    List<Path> files = new ArrayList<>();
    List<String> rowLabels = new ArrayList<>();
    List<String> where = new ArrayList<>();
    int lineNo = 0;
    try (InputStream raw = Files.newInputStream(csv);
        BufferedReader lines = TextInput.lines(raw)) {
      String line;
      boolean first = true;
      while ((line = lines.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = TextInput.split(line, ',');
        if (first) {
          first = false;
          boolean header =
              headerMode.equals("true")
                  || (headerMode.equals("auto") && !f.isEmpty() && !looksLikeImage(f.get(0)));
          if (header) {
            continue;
          }
        }
        String loc = name + ":" + lineNo;
        if (f.size() != 2) {
          log.add(
              VisionErrors.MALFORMED_CSV_ROW,
              loc,
              "row has " + f.size() + " fields; expected 2 (path,label)");
          continue;
        }
        if (f.get(1).isEmpty()) {
          log.add(VisionErrors.MALFORMED_CSV_ROW, loc, "the label is empty");
          continue;
        }
        Path file;
        try {
          file = base.resolve(f.get(0)).normalize();
        } catch (InvalidPathException e) {
          log.add(VisionErrors.MALFORMED_CSV_ROW, loc, "'" + f.get(0) + "' is not a valid path");
          continue;
        }
        if (!Files.isRegularFile(file)) {
          log.add(
              VisionErrors.MALFORMED_CSV_ROW,
              loc,
              "image '" + f.get(0) + "' does not exist (looked for " + file + ")");
          continue;
        }
        files.add(file);
        rowLabels.add(f.get(1));
        where.add(loc + " (" + f.get(0) + ")");
        if (options.maxExamples() > 0 && files.size() >= options.maxExamples()) {
          break;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read " + csv + " after line " + lineNo + ": " + e.getMessage(),
          e);
    }
    Image[] decoded = new Image[files.size()];
    BadInputException[] problems = new BadInputException[files.size()];
    IntStream.range(0, files.size())
        .parallel()
        .forEach(
            i -> {
              try {
                decoded[i] = decoder.decode(files.get(i), where.get(i));
              } catch (BadInputException e) {
                problems[i] = e;
              }
            });
    List<Image> images = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < decoded.length; i++) {
      if (problems[i] != null) {
        log.add(problems[i]);
      } else {
        images.add(decoded[i].withOrigin(files.get(i).toString()));
        labels.add(rowLabels.get(i));
      }
    }
    log.failIfAny(options.onBadInput(), ID, csv.toString());
    DatasetAssembler.unifyChannels(images, channels);
    List<String> classNames = DatasetAssembler.sortedClassNames(labels, List.of());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format", ID);
    return DatasetAssembler.build(
        ID,
        DatasetAssembler.nameOf(csv),
        csv.toString(),
        images,
        DatasetAssembler.indices(labels, classNames),
        classNames,
        log,
        facts);
  }
}
