package dev.graft.engine.job;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.graft.api.error.ConfigException;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes job specs as YAML. Errors name the file, the line, the key path and — for a
 * misspelt key — the closest valid key.
 */
public final class JobSpecs {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private JobSpecs() {}

  /**
   * Reads a job spec file.
   *
   * @param file the YAML file
   * @return the validated spec
   * @throws GraftException GRAFT-IO-001 if unreadable, GRAFT-CONFIG-001 naming line and key for
   *     invalid content
   */
  public static JobSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "job spec " + file + " does not exist.", e);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "cannot read job spec " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses job spec text.
   *
   * @param yaml the YAML text
   * @param where how errors name the source, e.g. the file name
   * @return the validated spec
   */
  public static JobSpec parse(String yaml, String where) {
    try {
      JobSpec spec = YAML.readValue(yaml, JobSpec.class);
      if (spec == null) {
        throw new ConfigException(
            where + " is empty; a job needs at least target, sources and output.");
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      List<String> known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.toList());
      String keyPath = path(e, e.getPropertyName());
      throw new ConfigException(
          where
              + line(yaml, keyPath, e.getLocation())
              + ": unknown key '"
              + keyPath
              + "'"
              + Suggestions.hint(e.getPropertyName(), known)
              + "; valid keys here: "
              + String.join(", ", known)
              + ".");
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      String detail = cause instanceof GraftException g ? g.detail() : String.valueOf(cause);
      java.util.regex.Matcher field =
          java.util.regex.Pattern.compile("^'([a-z0-9.\\[\\]-]+)'").matcher(detail);
      String where2 =
          field.find() ? line(yaml, field.group(1), e.getLocation()) : line(e.getLocation());
      throw new ConfigException(where + where2 + ": " + detail);
    } catch (MismatchedInputException e) {
      String keyPath = path(e, null);
      throw new ConfigException(
          where
              + line(yaml, keyPath, e.getLocation())
              + ": '"
              + keyPath
              + "' has the wrong type: "
              + e.getOriginalMessage().split("\n")[0]);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          where + line(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  /**
   * Writes a spec as YAML (the inverse of {@link #parse}).
   *
   * @param spec the spec
   * @return YAML text
   */
  public static String toYaml(JobSpec spec) {
    try {
      return YAML.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new GraftException(
          GraftErrors.INTERNAL, "cannot serialise job spec: " + e.getMessage(), e);
    }
  }

  /**
   * The line of a key path such as {@code target.labels-per-class}: the line of each segment is
   * searched at or after the line of the previous one. Jackson reports record errors at the end of
   * the enclosing object, so the key's own line is found in the text. Falls back to Jackson's
   * location.
   */
  static String line(String yaml, String keyPath, JsonLocation fallback) {
    String[] lines = yaml.split("\n", -1);
    int from = 0;
    int found = -1;
    for (String segment : keyPath.replaceAll("\\[\\d+\\]", "").split("\\.")) {
      if (segment.isEmpty()) {
        continue;
      }
      java.util.regex.Pattern key =
          java.util.regex.Pattern.compile(
              "(^|[\\s{,-])" + java.util.regex.Pattern.quote(segment) + "\\s*:");
      found = -1;
      for (int i = from; i < lines.length; i++) {
        if (key.matcher(lines[i]).find()) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        return line(fallback);
      }
      from = found;
    }
    return found < 0 ? line(fallback) : " line " + (found + 1);
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
  }

  private static String path(JsonMappingException e, String last) {
    List<String> parts = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        parts.add(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        parts.add("[" + r.getIndex() + "]");
      }
    }
    if (last != null && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(last))) {
      parts.add(last);
    }
    return String.join(".", parts).replace(".[", "[");
  }
}
