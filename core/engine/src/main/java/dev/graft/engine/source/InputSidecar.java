package dev.graft.engine.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code graft-input.json} sidecar that makes a foreign SavedModel usable as a frozen source:
 *
 * <pre>{@code
 * {
 *   "modality": "vision",                                   (optional)
 *   "input": {"kind": "image", "shape": [28, 28, 1], ...},  (the encoder's input spec; kind required)
 *   "features": {"signature": "serving_default", "input": "x", "output": "embedding"},
 *   "probabilities": {"signature": "serving_default", "output": "logits", "softmax": true}
 * }
 * }</pre>
 *
 * <p>{@code signature} defaults to {@code serving_default}; {@code input} to the signature's only
 * input; {@code probabilities} is optional ({@code softmax}: whether the output holds logits that
 * need a softmax; default false, i.e. the output already holds probabilities).
 *
 * @param inputSpec the encoder's input spec, with its kind
 * @param modality the modality, if declared
 * @param features where features come from
 * @param probabilities where source-class probabilities come from, if declared
 */
record InputSidecar(
    Map<String, Object> inputSpec,
    Optional<String> modality,
    Endpoint features,
    Optional<Endpoint> probabilities) {

  /** The sidecar file name, next to {@code saved_model.pb}. */
  static final String FILE_NAME = "graft-input.json";

  /**
   * One signature output.
   *
   * @param signature the signature key
   * @param input the input key, or empty for the signature's only input
   * @param output the output key
   * @param softmax whether a softmax must be applied to the output
   */
  record Endpoint(String signature, Optional<String> input, String output, boolean softmax) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @SuppressWarnings("unchecked")
  static InputSidecar read(Path modelDir) {
    Path file = modelDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the SavedModel "
              + modelDir
              + " has no "
              + FILE_NAME
              + "; add one naming the input kind and spec and the features output, e.g."
              + " {\"input\": {\"kind\": \"image\", \"shape\": [28, 28, 1]}, \"features\":"
              + " {\"output\": \"embedding\"}}.");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "cannot read " + file + ": " + e.getMessage() + ". Fix the JSON.",
          e);
    }
    JsonNode input = root == null ? null : root.get("input");
    if (input == null || !input.isObject() || !input.path("kind").isTextual()) {
      throw invalid(file, "input", "an object with a text 'kind', e.g. {\"kind\": \"image\", ...}");
    }
    Map<String, Object> spec = new LinkedHashMap<>(MAPPER.convertValue(input, Map.class));
    JsonNode features = root.get("features");
    if (features == null || !features.isObject()) {
      throw invalid(file, "features", "an object naming at least the 'output' to use as features");
    }
    Optional<String> modality =
        root.path("modality").isTextual()
            ? Optional.of(root.get("modality").asText())
            : Optional.empty();
    Optional<Endpoint> probabilities =
        root.has("probabilities") && !root.get("probabilities").isNull()
            ? Optional.of(endpoint(file, "probabilities", root.get("probabilities")))
            : Optional.empty();
    return new InputSidecar(spec, modality, endpoint(file, "features", features), probabilities);
  }

  private static Endpoint endpoint(Path file, String field, JsonNode node) {
    if (!node.isObject() || !node.path("output").isTextual()) {
      throw invalid(file, field, "an object with a text 'output' (the signature output key)");
    }
    String signature =
        node.path("signature").isTextual() ? node.get("signature").asText() : "serving_default";
    Optional<String> input =
        node.path("input").isTextual() ? Optional.of(node.get("input").asText()) : Optional.empty();
    return new Endpoint(
        signature, input, node.get("output").asText(), node.path("softmax").asBoolean(false));
  }

  private static GraftException invalid(Path file, String field, String expected) {
    return new GraftException(
        GraftErrors.MODEL_INVALID,
        "'" + field + "' in " + file + " is missing or invalid; it must be " + expected + ".");
  }
}
