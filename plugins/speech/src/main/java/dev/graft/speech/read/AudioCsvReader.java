package dev.graft.speech.read;

import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.sdk.read.BadInputLog;
import dev.graft.sdk.read.ClassNames;
import dev.graft.sdk.read.CsvManifest;
import dev.graft.sdk.read.ReaderOptions;
import dev.graft.speech.Clip;
import dev.graft.speech.SpeechErrors;
import java.nio.file.Files;
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

  private static final CsvManifest MANIFEST =
      new CsvManifest(
          SpeechErrors.MALFORMED_MANIFEST_ROW,
          "clip",
          2,
          3,
          "path,label or path,label,speaker",
          AudioCsvReader::looksLikeWav,
          true);

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
    return MANIFEST.accepts(path);
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
    BadInputLog log = new BadInputLog();
    List<CsvManifest.Row> rows = MANIFEST.read(csv, headerMode, options.maxExamples(), log);
    List<Path> files = rows.stream().map(CsvManifest.Row::file).toList();
    List<String> rowLabels = rows.stream().map(CsvManifest.Row::label).toList();
    List<String> speakers =
        rows.stream()
            .map(
                r ->
                    r.fields().size() == 3 && !r.fields().get(2).isBlank()
                        ? r.fields().get(2).trim()
                        : null)
            .toList();
    List<String> where = rows.stream().map(CsvManifest.Row::location).toList();
    List<Clip> clips = new ArrayList<>();
    List<Integer> kept = loader.loadAll(files, where, speakers, log, clips);
    log.failIfAny(options.onBadInput(), ID, csv.toString());
    List<String> labels = kept.stream().map(rowLabels::get).toList();
    List<String> classNames = ClassNames.sorted(labels);
    Map<String, String> facts = new LinkedHashMap<>(loader.facts(ID));
    facts.put("speaker-column", Boolean.toString(speakers.stream().anyMatch(Objects::nonNull)));
    return ClipLoader.build(
        ID,
        ClipLoader.nameOf(csv),
        csv.toString(),
        clips,
        ClassNames.indices(labels, classNames),
        classNames,
        log,
        facts);
  }
}
