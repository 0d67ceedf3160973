package dev.graft.nlp.read;

import dev.graft.api.data.BadInputPolicy;
import dev.graft.api.data.ClassLabels;
import dev.graft.api.data.Dataset;
import dev.graft.api.data.DatasetInfo;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.ErrorId;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Modality;
import dev.graft.api.io.Digests;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.sdk.read.BadInputLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects the records a text reader finds and assembles the data set: rejects empty texts,
 * truncates texts longer than {@code max-chars} (counting them), selects and orders classes,
 * reports classes without examples, and applies the bad-input policy.
 */
final class TextRecords {

  /** Default {@code max-chars}: longer texts are truncated. */
  static final int DEFAULT_MAX_CHARS = 20_000;

  private final String readerId;
  private final Path path;
  private final ReadOptions options;
  private final int maxChars;
  private final BadInputLog bad = new BadInputLog();
  private final List<Text> texts = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final Set<String> declaredClasses = new LinkedHashSet<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private int truncated;
  private int longest;

  TextRecords(String readerId, Path path, ReadOptions options, int maxChars) {
    this.readerId = readerId;
    this.path = path;
    this.options = options;
    this.maxChars = maxChars;
  }

  /**
   * Whether {@code maxExamples} examples have been collected.
   *
   * @return true when the reader may stop
   */
  boolean full() {
    return options.maxExamples() > 0 && texts.size() >= options.maxExamples();
  }

  /** Records a reader fact for {@link DatasetInfo#properties()}. */
  void fact(String key, String value) {
    facts.put(key, value);
  }

  /** Declares a class that exists even if it ends up without examples (a class folder). */
  void declareClass(String name) {
    declaredClasses.add(name);
  }

  /** Records a bad record. */
  void bad(ErrorId id, String location, String reason) {
    bad.add(id, location, reason);
  }

  /**
   * Adds one record.
   *
   * @param text the text as read
   * @param label its class name, or null for an unlabelled record
   * @param location {@code file:line} or similar
   */
  void add(String text, String label, String location) {
    if (full()) {
      return;
    }
    if (text == null || text.isBlank()) {
      bad(NlpErrors.EMPTY_TEXT, location, "the text is empty; remove the record or fill it in");
      return;
    }
    if (label != null && label.isBlank()) {
      bad(
          NlpErrors.MALFORMED_RECORD,
          location,
          "the label is empty; give every record a class (or read with label-column=none)");
      return;
    }
    String value = text.strip();
    int codePoints = value.codePointCount(0, value.length());
    longest = Math.max(longest, codePoints);
    if (codePoints > maxChars) {
      value = value.substring(0, value.offsetByCodePoints(0, maxChars));
      truncated++;
    }
    texts.add(new Text(value, location));
    labels.add(label == null ? null : label.strip());
  }

  /**
   * Builds the data set.
   *
   * @param labelled whether the records carry labels
   * @param requested the classes to keep, in order (empty = all, sorted)
   * @return the result
   */
  ReadResult<Text> finish(boolean labelled, List<String> requested) {
    List<String> classes = new ArrayList<>();
    int[] values = null;
    List<Text> kept = texts;
    if (labelled) {
      Set<String> present = new LinkedHashSet<>(labels);
      if (requested.isEmpty()) {
        Set<String> all = new LinkedHashSet<>(declaredClasses);
        all.addAll(present);
        for (String c : sortClasses(all)) {
          if (present.contains(c)) {
            classes.add(c);
          } else {
            bad(
                NlpErrors.EMPTY_CLASS,
                path + " class '" + c + "'",
                "the class has no examples; add texts or remove it");
          }
        }
      } else {
        for (String c : requested) {
          if (present.contains(c)) {
            classes.add(c);
          } else {
            bad(
                NlpErrors.EMPTY_CLASS,
                path + " class '" + c + "'",
                "the class has no examples"
                    + (present.isEmpty() ? "" : " (the data has " + preview(present) + ")")
                    + "; check the 'classes' option or add texts");
          }
        }
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      for (String c : classes) {
        index.put(c, index.size());
      }
      kept = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        Integer id = index.get(labels.get(i));
        if (id != null) {
          kept.add(texts.get(i));
          ids.add(id);
        }
      }
      values = ids.stream().mapToInt(Integer::intValue).toArray();
    }
    bad.failIfAny(options.onBadInput(), readerId, path.toString());
    if (kept.isEmpty()) {
      throw new InvalidInputException(
          NlpErrors.NO_EXAMPLES,
          "reader '"
              + readerId
              + "' found no texts in "
              + path
              + (bad.count() > 0 ? " (" + bad.count() + " bad records were skipped)" : "")
              + (labelled && !requested.isEmpty() ? " of the classes " + requested : "")
              + "; check the path, the format and the options.");
    }
    Map<String, String> props = new TreeMap<>(facts);
    props.put("reader", readerId);
    props.put("examples", Integer.toString(kept.size()));
    props.put("skipped", Integer.toString(bad.count()));
    props.put("truncated", Integer.toString(truncated));
    props.put("max-chars", Integer.toString(maxChars));
    props.put("longest-chars", Integer.toString(longest));
    if (labelled) {
      props.put("classes", Integer.toString(classes.size()));
      props.put("class-names", String.join(",", classes));
    }
    DatasetInfo info =
        new DatasetInfo(
            datasetName(path),
            Modality.TEXT,
            path.toAbsolutePath().normalize().toString(),
            digest(kept, classes, values),
            props);
    Dataset<Text> data =
        labelled
            ? Dataset.labelled(info, kept, ClassLabels.of(values, classes))
            : Dataset.unlabelled(info, kept);
    return new ReadResult<>(data, bad.entries());
  }

  private static String preview(Set<String> present) {
    List<String> names = new ArrayList<>(present);
    return names.size() <= 12
        ? names.toString()
        : names.subList(0, 12) + " and " + (names.size() - 12) + " more";
  }

  /** Class names in numeric order when all are integers, otherwise by code point. */
  static List<String> sortClasses(Set<String> names) {
    List<String> out = new ArrayList<>(names);
    boolean numeric = out.stream().allMatch(s -> s.matches("-?\\d{1,9}"));
    if (numeric) {
      out.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    } else {
      out.sort(String::compareTo);
    }
    return out;
  }

  private static String digest(List<Text> texts, List<String> classes, int[] values) {
    MessageDigest sha = Digests.newSha256();
    sha.update(String.join("\u0000", classes).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 1);
    if (values != null) {
      sha.update(Arrays.toString(values).getBytes(StandardCharsets.UTF_8));
    }
    for (Text t : texts) {
      sha.update((byte) 0);
      sha.update(t.value().getBytes(StandardCharsets.UTF_8));
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  private static String datasetName(Path path) {
    Path file = path.toAbsolutePath().normalize().getFileName();
    String name = file == null ? "text" : file.toString();
    for (String ext :
        List.of(".gz", ".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".txt")) {
      if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
        name = name.substring(0, name.length() - ext.length());
      }
    }
    return name.isBlank() ? "text" : name;
  }

  /** The bad-input policy. */
  BadInputPolicy policy() {
    return options.onBadInput();
  }
}
