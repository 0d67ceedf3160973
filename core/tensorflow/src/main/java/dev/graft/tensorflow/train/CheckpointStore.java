package dev.graft.tensorflow.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.io.AtomicFiles;
import dev.graft.tensorflow.nn.SpecJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads and writes the training checkpoint of a directory: one file, {@value #FILE_NAME}, written
 * with {@link AtomicFiles} (to a temporary file, flushed to disk and renamed over the previous
 * one), so a crash at any point leaves either the old or the new checkpoint, never a torn one.
 *
 * <p>Layout: the magic {@code GRAFTCK1}, a big-endian int header length, a UTF-8 JSON header
 * (trainer state, variable names and sizes), the variables' float32 values (little-endian), and a
 * CRC-32 of everything before it (big-endian long).
 */
public final class CheckpointStore {

  /** The checkpoint file name. */
  public static final String FILE_NAME = "checkpoint.graft";

  private static final byte[] MAGIC = "GRAFTCK1".getBytes(StandardCharsets.US_ASCII);
  private final Path dir;

  /**
   * A store for a directory (created on the first write).
   *
   * @param dir the checkpoint directory
   */
  public CheckpointStore(Path dir) {
    this.dir = dir;
  }

  /**
   * The checkpoint file.
   *
   * @return dir/{@value #FILE_NAME}
   */
  public Path file() {
    return dir.resolve(FILE_NAME);
  }

  /**
   * A checkpoint's contents.
   *
   * @param state the trainer state
   * @param variables every model variable (weights, optimizer state, step)
   * @param bestWeights the weights of the best epoch (empty unless early stopping restores them)
   */
  public record Checkpoint(
      TrainingState state, Map<String, float[]> variables, Map<String, float[]> bestWeights) {}

  /**
   * Writes a checkpoint atomically.
   *
   * @param checkpoint the contents
   * @throws GraftException FILE_NOT_WRITABLE naming the file if writing or renaming fails
   */
  public void write(Checkpoint checkpoint) {
    Path target = file();
    try {
      byte[] content = encode(checkpoint);
      AtomicFiles.write(target, content);
    } catch (IOException | GraftException e) {
      Throwable cause = e instanceof GraftException && e.getCause() != null ? e.getCause() : e;
      throw new GraftException(
          GraftErrors.FILE_NOT_WRITABLE,
          "could not write checkpoint "
              + target
              + ": "
              + cause
              + "; check that the directory is writable and the disk is not full.",
          cause);
    }
  }

  private static byte[] encode(Checkpoint checkpoint) throws IOException {
    ObjectNode header = SpecJson.mapper().createObjectNode();
    header.set("state", SpecJson.mapper().valueToTree(checkpoint.state()));
    header.set("variables", index(checkpoint.variables()));
    header.set("best", index(checkpoint.bestWeights()));
    byte[] json = SpecJson.mapper().writeValueAsBytes(header);
    long floats = count(checkpoint.variables()) + count(checkpoint.bestWeights());
    ByteBuffer buf =
        ByteBuffer.allocate(Math.toIntExact(MAGIC.length + 4 + json.length + 4 * floats + 8));
    buf.put(MAGIC).putInt(json.length).put(json);
    buf.order(ByteOrder.LITTLE_ENDIAN);
    putAll(buf, checkpoint.variables());
    putAll(buf, checkpoint.bestWeights());
    buf.order(ByteOrder.BIG_ENDIAN);
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putLong(crc.getValue());
    return buf.array();
  }

  /**
   * Reads the checkpoint if there is one.
   *
   * @return the checkpoint, or empty if the file does not exist
   * @throws GraftException MODEL_INVALID naming the file if it is truncated or corrupt
   */
  public Optional<Checkpoint> read() {
    Path f = file();
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      byte[] all = Files.readAllBytes(f);
      if (all.length < MAGIC.length + 12) {
        throw corrupt(f, "it is only " + all.length + " bytes long");
      }
      ByteBuffer buf = ByteBuffer.wrap(all);
      byte[] magic = new byte[MAGIC.length];
      buf.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw corrupt(f, "it does not start with the Graft checkpoint magic");
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
        throw corrupt(f, "its checksum does not match (truncated or modified)");
      }
      int headerLen = buf.getInt();
      JsonNode header =
          SpecJson.mapper()
              .readTree(new String(all, buf.position(), headerLen, StandardCharsets.UTF_8));
      buf.position(buf.position() + headerLen);
      buf.order(ByteOrder.LITTLE_ENDIAN);
      TrainingState state = SpecJson.mapper().treeToValue(header.get("state"), TrainingState.class);
      Map<String, float[]> vars = getAll(buf, header.get("variables"));
      Map<String, float[]> best = getAll(buf, header.get("best"));
      return Optional.of(new Checkpoint(state, vars, best));
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof GraftException g) {
        throw g;
      }
      throw corrupt(f, "it could not be parsed (" + e + ")");
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE, "could not read checkpoint " + f + ": " + e, e);
    }
  }

  private static GraftException corrupt(Path f, String why) {
    return new GraftException(
        GraftErrors.MODEL_INVALID,
        "checkpoint " + f + " is unusable: " + why + "; delete it to start training from scratch.");
  }

  private static ArrayNode index(Map<String, float[]> vars) {
    ArrayNode a = SpecJson.mapper().createArrayNode();
    vars.forEach((k, v) -> a.addObject().put("name", k).put("size", v.length));
    return a;
  }

  private static long count(Map<String, float[]> vars) {
    return vars.values().stream().mapToLong(v -> v.length).sum();
  }

  private static void putAll(ByteBuffer buf, Map<String, float[]> vars) {
    for (float[] v : vars.values()) {
      buf.asFloatBuffer().put(v);
      buf.position(buf.position() + 4 * v.length);
    }
  }

  private static Map<String, float[]> getAll(ByteBuffer buf, JsonNode index) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (JsonNode n : index) {
      float[] v = new float[n.get("size").asInt()];
      buf.asFloatBuffer().get(v);
      buf.position(buf.position() + 4 * v.length);
      out.put(n.get("name").asText(), v);
    }
    return out;
  }
}
