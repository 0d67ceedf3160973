package dev.graft.engine.source;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import dev.graft.api.extension.Modality;
import dev.graft.api.io.Digests;
import dev.graft.tensorflow.savedmodel.ModelManifest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Facts a Graft model's manifest ({@code graft-model.json}) records for the host: the input spec
 * the modality encoder follows (with its {@code kind}), the modality, and the digest of the
 * weights.
 */
public final class GraftModels {

  /** The input spec key naming the input kind, e.g. {@code image}. */
  public static final String KIND_KEY = "kind";

  /** The manifest provenance key (or input spec key) naming the modality, e.g. {@code vision}. */
  public static final String MODALITY_KEY = "modality";

  private GraftModels() {}

  /**
   * The input spec of a model, as the encoder of its kind reads it.
   *
   * @param manifest the manifest
   * @param directory the model folder, named in errors
   * @return a mutable copy of the spec
   * @throws GraftException GRAFT-MODEL-001 if the manifest has no input spec object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> inputSpec(ModelManifest manifest, Path directory) {
    if (!(manifest.inputSpec() instanceof Map<?, ?> spec)) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the manifest of "
              + directory
              + " has no input spec object (found "
              + manifest.inputSpec()
              + "); export the model with Graft so that its input is described.");
    }
    return new LinkedHashMap<>((Map<String, Object>) spec);
  }

  /**
   * The input kind of a spec.
   *
   * @param inputSpec the spec
   * @param directory the model folder, named in errors
   * @return the kind
   * @throws GraftException GRAFT-MODEL-001 if the spec names no kind
   */
  public static String inputKind(Map<String, Object> inputSpec, Path directory) {
    Object kind = inputSpec.get(KIND_KEY);
    if (!(kind instanceof String s) || s.isBlank()) {
      throw new GraftException(
          GraftErrors.MODEL_INVALID,
          "the input spec of "
              + directory
              + " names no input kind ('"
              + KIND_KEY
              + "' is "
              + kind
              + "); the host cannot encode examples for it. Export it again through a modality"
              + " plugin, or add \"kind\" (e.g. \"image\") to inputSpec in graft-model.json.");
    }
    return s;
  }

  /**
   * The modality a manifest records, under {@code provenance.modality} or {@code
   * inputSpec.modality}.
   *
   * @param manifest the manifest
   * @return the modality, or empty if none or unknown
   */
  public static Optional<Modality> modality(ModelManifest manifest) {
    Object value = manifest.provenance().get(MODALITY_KEY);
    if (value == null && manifest.inputSpec() instanceof Map<?, ?> spec) {
      value = spec.get(MODALITY_KEY);
    }
    return parseModality(value);
  }

  static Optional<Modality> parseModality(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Modality.valueOf(value.toString().trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A digest identifying the weights and graph of a model: the SHA-256 of the manifest's per-file
   * digests, in path order. Cheap: no model file is read.
   *
   * @param manifest the manifest
   * @return lower-case hex
   */
  public static String weightsDigest(ModelManifest manifest) {
    return digestOf(manifest.files());
  }

  /**
   * The SHA-256 of per-file digests, in the map's iteration order (sort it first).
   *
   * @param files relative path to file digest
   * @return lower-case hex
   */
  static String digestOf(Map<String, String> files) {
    StringBuilder lines = new StringBuilder();
    files.forEach((path, sha) -> lines.append(path).append('=').append(sha).append('\n'));
    return Digests.sha256Hex(lines.toString());
  }
}
