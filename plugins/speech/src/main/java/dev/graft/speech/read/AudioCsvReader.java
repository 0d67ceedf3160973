package dev.graft.speech.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.sdk.read.TextInput;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads a CSV manifest of {@code path,label} or {@code path,label,speaker} rows; relative paths are
 * resolved against the CSV's folder, rows keep the manifest's order. Options: {@code header} (auto:
 * the first row is a header when its first field does not end in {@code .wav}; true; false) and the
 * clip options of {@code wav-folder}: {@code sample-rate}, {@code clip-seconds}, {@code align},
 * {@code silence-db}. Rows with the wrong number of fields, an empty label or a missing file, and
 * files that do not decode, are reported with their line numbers.
 */
@Extension
public final class AudioCsvReader implements DatasetReader {

  /** This reader's id and format name. */
  public static final String ID = "audio-csv";

  private static final Map<String, String> OPTIONS;

  static {
    Map<String, String> m = new HashMap<>(ClipLoader.OPTIONS);
    m.put("header", "auto (default), true or false");
    OPTIONS = Map.copyOf(m);
  }

  /** Creates the reader. */
  public AudioCsvReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CSV manifest of WAV paths, labels and optional speakers (path,label[,speaker]).";
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
        if ((f.size() == 2 || f.size() == 3) && looksLikeWav(f.get(0))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean looksLikeWav(String path) {
    return path.toLowerCase(Locale.ROOT).endsWith(".wav");
  }

  @Override
  public ReadResult<Clip> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    String headerMode = opts.choice("header", "auto", Set.of("auto", "true", "false"));
    ClipLoader loader = ClipLoader.from(opts);
    Path csv = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(csv)) {
      throw new InvalidInputException(
          GraftErrors.FILE_NOT_READABLE,
          csv
              + " is not a readable file; reader '"
              + ID
              + "' expects a CSV of path,label[,speaker] rows.");
    }
    Path base = csv.getParent();
    String name = csv.getFileName().toString();
    BadInputLog log = new BadInputLog();
    List<Path> files = new ArrayList<>();
    List<String> rowLabels = new ArrayList<>();
    List<String> speakers = new ArrayList<>();
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
                  || (headerMode.equals("auto") && !f.isEmpty() && !looksLikeWav(f.get(0)));
          if (header) {
            continue;
          }
        }
        String loc = name + ":" + lineNo;
        if (f.size() != 2 && f.size() != 3) {
          log.add(
              SpeechErrors.MALFORMED_MANIFEST_ROW,
              loc,
              "row has " + f.size() + " fields; expected path,label or path,label,speaker");
          continue;
        }
        if (f.get(1).isBlank()) {
          log.add(SpeechErrors.MALFORMED_MANIFEST_ROW, loc, "the label is empty");
          continue;
        }
        Path file;
        try {
          file = base.resolve(f.get(0)).normalize();
        } catch (InvalidPathException e) {
          log.add(
              SpeechErrors.MALFORMED_MANIFEST_ROW, loc, "'" + f.get(0) + "' is not a valid path");
          continue;
        }
        if (!Files.isRegularFile(file)) {
          log.add(
              SpeechErrors.MALFORMED_MANIFEST_ROW,
              loc,
              "clip '" + f.get(0) + "' does not exist (looked for " + file + ")");
          continue;
        }
        files.add(file);
        rowLabels.add(f.get(1).trim());
        speakers.add(f.size() == 3 && !f.get(2).isBlank() ? f.get(2).trim() : null);
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
    List<Clip> clips = new ArrayList<>();
    List<Integer> kept = loader.loadAll(files, where, speakers, log, clips);
    log.failIfAny(options.onBadInput(), ID, csv.toString());
    List<String> labels = kept.stream().map(rowLabels::get).toList();
    List<String> classNames = ClipLoader.sortedClassNames(labels);
    Map<String, String> facts = new LinkedHashMap<>(loader.facts(ID));
    facts.put("speaker-column", Boolean.toString(speakers.stream().anyMatch(Objects::nonNull)));
    return ClipLoader.build(
        ID,
        ClipLoader.nameOf(csv),
        csv.toString(),
        clips,
        ClipLoader.indices(labels, classNames),
        classNames,
        log,
        facts);
  }
}
