package dev.graft.api.error;

/**
 * The core's error ids. Codes are stable; the troubleshooting guide ({@code
 * docs/troubleshooting.md}) has an entry for each.
 */
public enum GraftErrors implements ErrorId {
  /** A config record, job spec entry or CLI option has an invalid value. */
  INVALID_CONFIG("GRAFT-CONFIG-001", "invalid configuration value"),
  /** A file does not exist or cannot be read. */
  FILE_NOT_READABLE("GRAFT-IO-001", "file not readable"),
  /** A file could not be written (or atomically moved into place). */
  FILE_NOT_WRITABLE("GRAFT-IO-002", "file not writable"),
  /** A data file is malformed: wrong header, wrong row length, unparsable value. */
  MALFORMED_FILE("GRAFT-IO-003", "malformed data file"),
  /** A matrix or vector holds NaN or infinite values. */
  NON_FINITE_VALUE("GRAFT-DATA-001", "non-finite value"),
  /** Two inputs disagree in size (e.g. labels vs feature rows). */
  SIZE_MISMATCH("GRAFT-DATA-002", "size mismatch"),
  /** Input is empty where data is required. */
  EMPTY_INPUT("GRAFT-DATA-003", "empty input"),
  /** Labels are invalid: negative, out of range, a single class where several are needed. */
  INVALID_LABELS("GRAFT-DATA-004", "invalid labels"),
  /** Probabilities are negative or rows do not sum to 1. */
  INVALID_PROBABILITIES("GRAFT-DATA-005", "invalid probabilities"),
  /** A reader found several kinds of bad files or rows; the message lists each with its reason. */
  BAD_INPUTS("GRAFT-DATA-006", "bad input files or rows"),
  /** A reader option is unknown or has an invalid value. */
  INVALID_READER_OPTION("GRAFT-DATA-007", "invalid reader option"),
  /** A plugin has a missing or invalid manifest. */
  PLUGIN_BAD_MANIFEST("GRAFT-PLUGIN-001", "invalid plugin manifest"),
  /** A plugin requires a Graft version this host does not satisfy. */
  PLUGIN_INCOMPATIBLE("GRAFT-PLUGIN-002", "incompatible plugin"),
  /** A plugin's classes could not be loaded (missing class, linkage error). */
  PLUGIN_CLASS_LOADING("GRAFT-PLUGIN-003", "plugin class loading failed"),
  /** An extension could not be created (its constructor or injection failed). */
  EXTENSION_CREATION("GRAFT-PLUGIN-004", "extension creation failed"),
  /** Two extensions of one extension point declare the same id. */
  DUPLICATE_EXTENSION_ID("GRAFT-PLUGIN-005", "duplicate extension id"),
  /** An extension declares an invalid id or description. */
  INVALID_EXTENSION("GRAFT-PLUGIN-006", "invalid extension declaration"),
  /** A plugin failed to start or threw while serving a call. */
  PLUGIN_FAILED("GRAFT-PLUGIN-007", "plugin failed"),
  /** No extension with the requested id exists. */
  UNKNOWN_EXTENSION("GRAFT-PLUGIN-008", "unknown extension id"),
  /** The plugins directory is not a readable directory. */
  PLUGINS_DIR_INVALID("GRAFT-PLUGIN-009", "plugins directory invalid"),
  /** The TensorFlow native libraries are missing or the platform is unsupported. */
  NATIVES_MISSING("GRAFT-TF-001", "TensorFlow natives missing"),
  /** The TensorFlow engine failed to start. */
  ENGINE_START_FAILED("GRAFT-TF-002", "TensorFlow engine failed to start"),
  /** The requested device (e.g. a GPU index) is not available. */
  DEVICE_UNAVAILABLE("GRAFT-TF-003", "device unavailable"),
  /** A model or SavedModel is missing, unreadable, truncated, or fails its digest check. */
  MODEL_INVALID("GRAFT-MODEL-001", "invalid model"),
  /** A tensor has the wrong shape or dtype for a model input. */
  TENSOR_MISMATCH("GRAFT-MODEL-002", "tensor shape or dtype mismatch"),
  /** A requested SavedModel signature does not exist. */
  SIGNATURE_NOT_FOUND("GRAFT-MODEL-003", "signature not found"),
  /** Training diverged (NaN or infinite loss). */
  TRAINING_DIVERGED("GRAFT-TRAIN-001", "training diverged"),
  /** An extension's declared requirements are not met by the inputs given. */
  REQUIREMENT_NOT_MET("GRAFT-EXT-001", "requirement not met"),
  /** An internal invariant broke: a bug in Graft. */
  INTERNAL("GRAFT-INTERNAL-001", "internal error");

  private final String code;
  private final String title;

  GraftErrors(String code, String title) {
    this.code = code;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String title() {
    return title;
  }
}
