package dev.graft.recommender.model;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.provenance.Provenance;
import dev.graft.recommender.RecommenderErrors;
import dev.graft.recommender.data.Catalog;
import dev.graft.recommender.data.Feedback;
import dev.graft.recommender.data.RatingScale;
import dev.graft.tensorflow.io.HostTensor;
import dev.graft.tensorflow.io.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes a {@link FactorModel} as a folder: {@value #MANIFEST} (objective, dimension,
 * feedback, scale, global bias, provenance values), {@code users.txt} and {@code items.txt} (ids,
 * one per line, in index order), and {@code .npy} arrays {@code user_embeddings}, {@code
 * item_embeddings}, {@code user_bias}, {@code item_bias} and, with a content tower, {@code
 * tower_w1}, {@code tower_b1}, {@code tower_w2}. NumPy reads every array.
 */
public final class FactorModels {

  /** The manifest file name. */
  public static final String MANIFEST = "recommender-model.json";

  private FactorModels() {}

  /**
   * Writes a model into an existing empty folder.
   *
   * @param model the model
   * @param dir the folder
   * @param provenance how the model was made (its values go into the manifest)
   * @throws IOException if writing fails
   */
  public static void write(FactorModel model, Path dir, Provenance provenance) throws IOException {
    int d = model.dimension();
    int nU = model.userIds().size();
    int nI = model.catalog().size();
    Files.writeString(
        dir.resolve("users.txt"),
        String.join("\n", model.userIds()) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("items.txt"),
        String.join("\n", model.catalog().itemIds()) + "\n",
        StandardCharsets.UTF_8);
    Npy.write(dir.resolve("user_embeddings.npy"), HostTensor.ofFloats(model.userVectors(), nU, d));
    Npy.write(dir.resolve("item_embeddings.npy"), HostTensor.ofFloats(model.itemVectors(), nI, d));
    Npy.write(dir.resolve("user_bias.npy"), HostTensor.ofFloats(model.userBiases(), nU));
    Npy.write(dir.resolve("item_bias.npy"), HostTensor.ofFloats(model.itemBiases(), nI));
    model
        .tower()
        .ifPresent(
            t -> {
              Npy.write(
                  dir.resolve("tower_w1.npy"), HostTensor.ofFloats(t.w1(), t.inputs(), t.hidden()));
              Npy.write(dir.resolve("tower_b1.npy"), HostTensor.ofFloats(t.b1(), t.hidden()));
              Npy.write(
                  dir.resolve("tower_w2.npy"),
                  HostTensor.ofFloats(t.w2(), t.hidden(), t.dimension()));
            });
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"format\": \"graft-recommender-model\",\n");
    json.append("  \"objective\": \"").append(model.objective().name()).append("\",\n");
    json.append("  \"dimension\": ").append(d).append(",\n");
    json.append("  \"users\": ").append(nU).append(",\n");
    json.append("  \"items\": ").append(nI).append(",\n");
    json.append("  \"feedback\": \"").append(model.catalog().feedback().name()).append("\",\n");
    model
        .catalog()
        .scale()
        .ifPresent(s -> json.append("  \"scale\": \"").append(s).append("\",\n"));
    json.append("  \"global_bias\": ").append(model.globalBias()).append(",\n");
    json.append("  \"provenance\": {");
    int k = 0;
    for (Map.Entry<String, String> e : provenance.values().entrySet()) {
      json.append(k++ == 0 ? "\n" : ",\n");
      json.append("    \"")
          .append(escape(e.getKey()))
          .append("\": \"")
          .append(escape(e.getValue()))
          .append('"');
    }
    json.append(k > 0 ? "\n  }\n" : "}\n").append("}\n");
    Files.writeString(dir.resolve(MANIFEST), json.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Reads a model folder written by {@link #write}.
   *
   * @param dir the folder
   * @return the model (its catalogue has no content features; the tower is kept)
   * @throws InvalidInputException REC-MODEL-001 naming the missing or inconsistent file
   */
  public static FactorModel read(Path dir) {
    try {
      Path manifest = dir.resolve(MANIFEST);
      if (!Files.isRegularFile(manifest)) {
        throw new InvalidInputException(
            RecommenderErrors.MALFORMED_MODEL,
            dir
                + " has no "
                + MANIFEST
                + "; it is not a recommender model folder (write one with"
                + " graft recommender-train).");
      }
      String json = Files.readString(manifest, StandardCharsets.UTF_8);
      Objective objective = Objective.valueOf(field(json, "objective", dir));
      int d = Integer.parseInt(field(json, "dimension", dir));
      Feedback feedback = Feedback.valueOf(field(json, "feedback", dir));
      String scale = optional(json, "scale");
      float mu = Float.parseFloat(field(json, "global_bias", dir));
      List<String> users = lines(dir.resolve("users.txt"));
      List<String> items = lines(dir.resolve("items.txt"));
      Catalog catalog =
          new Catalog(items, feedback, scale == null ? null : RatingScale.parse(scale), null);
      ContentTower tower = null;
      if (Files.exists(dir.resolve("tower_w1.npy"))) {
        HostTensor w1 = Npy.read(dir.resolve("tower_w1.npy"));
        tower =
            new ContentTower(
                (int) w1.shape()[0],
                (int) w1.shape()[1],
                d,
                w1.toFloatArray(),
                Npy.read(dir.resolve("tower_b1.npy")).toFloatArray(),
                Npy.read(dir.resolve("tower_w2.npy")).toFloatArray());
      }
      return new FactorModel(
          objective,
          d,
          users,
          catalog,
          Npy.read(dir.resolve("user_embeddings.npy")).toFloatArray(),
          Npy.read(dir.resolve("user_bias.npy")).toFloatArray(),
          Npy.read(dir.resolve("item_embeddings.npy")).toFloatArray(),
          Npy.read(dir.resolve("item_bias.npy")).toFloatArray(),
          mu,
          tower);
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.FILE_NOT_READABLE,
          "cannot read recommender model " + dir + ": " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL,
          "recommender model " + dir + " is malformed: " + e.getMessage(),
          e);
    }
  }

  private static List<String> lines(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL, "recommender model file " + p + " is missing.");
    }
    return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String field(String json, String key, Path dir) {
    String v = optional(json, key);
    if (v == null) {
      throw new InvalidInputException(
          RecommenderErrors.MALFORMED_MODEL, dir.resolve(MANIFEST) + " has no \"" + key + "\".");
    }
    return v;
  }

  private static String optional(String json, String key) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.eE+]+)")
            .matcher(json);
    if (!m.find()) {
      return null;
    }
    return m.group(2) != null ? m.group(2) : m.group(1);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
