package dev.graft.nlp.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.data.DatasetReader;
import dev.graft.api.data.ReadOptions;
import dev.graft.api.data.ReadResult;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.extension.Capabilities;
import dev.graft.nlp.NlpErrors;
import dev.graft.nlp.Text;
import dev.graft.sdk.read.ReaderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads JSON Lines: one JSON object per line, e.g. {@code {"text": "...", "label": "food"}}. Blank
 * lines are ignored. A label may be a string or a number. When no record has the text or label
 * field, the error suggests the closest field name the records do have.
 *
 * <table>
 *   <caption>options</caption>
 *   <tr><td>{@code text-field}</td><td>default {@code text}</td></tr>
 *   <tr><td>{@code label-field}</td><td>default {@code label}; {@code none} for unlabelled</td></tr>
 *   <tr><td>{@code classes}, {@code max-chars}</td><td>as for {@code text-csv}</td></tr>
 * </table>
 */
@Extension
public final class JsonlTextReader implements DatasetReader {

  /** The reader id. */
  public static final String ID = "text-jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static final Map<String, String> OPTIONS =
      Map.of(
          "text-field", "the JSON field holding the text",
          "label-field", "the JSON field holding the label, or none",
          "classes", "comma-separated class names to keep",
          "max-chars", "longest text in characters, longer ones are truncated");

  /** Creates the reader. */
  public JsonlTextReader() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Texts and labels from JSON Lines files (one object per line, gzip).";
  }

  @Override
  public Capabilities capabilities() {
    return TextReaders.CAPABILITIES;
  }

  @Override
  public Set<String> formats() {
    return Set.of("jsonl", "ndjson");
  }

  @Override
  public Class<?> exampleType() {
    return Text.class;
  }

  @Override
  public boolean accepts(Path path) {
    String n = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    n = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    return Files.isRegularFile(path) && (n.endsWith(".jsonl") || n.endsWith(".ndjson"));
  }

  @Override
  public ReadResult<Text> read(Path path, ReadOptions options) {
    ReaderOptions opts = ReaderOptions.check(ID, options, OPTIONS);
    String textField = opts.string("text-field").orElse("text");
    String labelField = opts.string("label-field").orElse("label");
    boolean labelled = !labelField.equalsIgnoreCase("none");
    int maxChars = (int) opts.longValue("max-chars", TextRecords.DEFAULT_MAX_CHARS, 1, 10_000_000);
    List<String> requested = TextReaders.classes(opts);
    TextRecords out = new TextRecords(ID, path, options, maxChars);
    Set<String> seenFields = new LinkedHashSet<>();
    boolean anyText = false;
    boolean anyLabel = false;
    int objects = 0;
    List<Object[]> missing = new ArrayList<>();
    for (Utf8Lines.Line line : Utf8Lines.read(path)) {
      if (out.full()) {
        break;
      }
      String where = path + ":" + line.number();
      if (!line.valid()) {
        out.bad(NlpErrors.INVALID_UTF8, where, line.error());
        continue;
      }
      if (line.text().isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line.text());
      } catch (JsonProcessingException e) {
        out.bad(
            NlpErrors.MALFORMED_RECORD,
            where,
            "not valid JSON (" + e.getOriginalMessage() + "); write one JSON object per line");
        continue;
      }
      if (node == null || !node.isObject()) {
        out.bad(NlpErrors.MALFORMED_RECORD, where, "not a JSON object; write one object per line");
        continue;
      }
      objects++;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        seenFields.add(it.next());
      }
      JsonNode text = node.get(textField);
      JsonNode label = labelled ? node.get(labelField) : null;
      anyText |= text != null;
      anyLabel |= label != null;
      if (text == null || !text.isTextual()) {
        missing.add(
            new Object[] {
              where,
              text == null
                  ? "has no field '" + textField + "'"
                  : "field '" + textField + "' is not a string"
            });
      } else if (labelled && (label == null || !(label.isTextual() || label.isNumber()))) {
        missing.add(
            new Object[] {
              where,
              label == null
                  ? "has no field '" + labelField + "'"
                  : "field '" + labelField + "' is not a string or number"
            });
      } else {
        out.add(text.asText(), labelled ? label.asText() : null, where);
      }
    }
    if (objects > 0 && !anyText) {
      throw missingField(path, "text-field", textField, seenFields);
    }
    if (objects > 0 && labelled && !anyLabel) {
      throw missingField(path, "label-field", labelField, seenFields);
    }
    for (Object[] m : missing) {
      out.bad(NlpErrors.MALFORMED_RECORD, (String) m[0], "the object " + m[1]);
    }
    out.fact("format", "jsonl");
    out.fact("text-field", textField);
    if (labelled) {
      out.fact("label-field", labelField);
    }
    return out.finish(labelled, requested);
  }

  private static InvalidInputException missingField(
      Path path, String key, String wanted, Set<String> fields) {
    return new InvalidInputException(
        NlpErrors.MISSING_COLUMN,
        "reader '"
            + ID
            + "': no record in "
            + path
            + " has the field '"
            + wanted
            + "' (option '"
            + key
            + "')"
            + ColumnNames.hint(wanted, fields)
            + ". Set --option "
            + key
            + "=NAME"
            + (key.equals("label-field") ? " (or none for unlabelled text)" : "")
            + ".");
  }
}
