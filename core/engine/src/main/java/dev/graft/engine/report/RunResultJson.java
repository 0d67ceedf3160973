package dev.graft.engine.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.engine.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes a {@link RunResult} to {@code result.json} and reads it back.
 *
 * <p>The file is pretty-printed UTF-8 with a fixed field order (map entries sorted by key), so
 * equal results give byte-identical files. Instants are ISO-8601 strings; {@code NaN} (an interval
 * from a single run) is written as {@code null}, infinities as the strings {@code "Infinity"} and
 * {@code "-Infinity"}, and all three read back as the same double. Reading a file this class wrote
 * gives a result equal to the one written.
 */
public final class RunResultJson {

  /** The file name inside a run folder. */
  public static final String FILE_NAME = "result.json";

  /** The value of the top-level {@code format} field. */
  static final String FORMAT = "graft-result";

  /** The version of the layout this class writes and reads. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private RunResultJson() {}

  /**
   * Renders a result as JSON text.
   *
   * @param result the result
   * @return the pretty-printed JSON, ending with a newline
   */
  public static String toJson(RunResult result) {
    ObjectNode tree = ResultJsonWriter.write(MAPPER.getNodeFactory(), result);
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new GraftException(
          GraftErrors.INTERNAL, "cannot serialise the run result to JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code result.json} into a run folder atomically (a failure leaves any previous file
   * unchanged).
   *
   * @param result the result
   * @param runDir the run folder (created if missing)
   * @return the written file
   * @throws GraftException GRAFT-IO-002 naming the file if it cannot be written
   */
  public static Path write(RunResult result, Path runDir) {
    Path file = runDir.resolve(FILE_NAME);
    AtomicFiles.writeString(file, toJson(result));
    return file;
  }

  /**
   * Reads a {@code result.json} file.
   *
   * @param file the file
   * @return the result it holds
   * @throws GraftException GRAFT-IO-001 naming the file if it is missing or unreadable
   * @throws InvalidInputException GRAFT-IO-003 naming the file and the JSON path if it is malformed
   */
  public static RunResult read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          file
              + ": no such file. Pass a run folder written by a Graft run (it holds "
              + FILE_NAME
              + ").",
          e);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          file + ": cannot be read: " + e + ". Check that it is a readable file.",
          e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses JSON text as written by {@link #toJson(RunResult)}.
   *
   * @param json the JSON text
   * @param fileName the file (or other origin) to name in errors
   * @return the result it holds
   * @throws InvalidInputException GRAFT-IO-003 naming the origin and the JSON path if malformed
   */
  public static RunResult parse(String json, String fileName) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE,
          fileName
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + JsonPaths.near(e)
              + ": "
              + e.getOriginalMessage()
              + ". "
              + JsonField.ADVICE,
          e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new InvalidInputException(
          GraftErrors.MALFORMED_FILE, fileName + ": the file is empty. " + JsonField.ADVICE);
    }
    return ResultJsonReader.read(new JsonField(fileName, "$", tree));
  }
}
