package dev.graft.tensorflow.savedmodel;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One meta graph of a SavedModel: the tag set that selects it and its signatures.
 *
 * @param tags the tags, e.g. {@code [serve]}
 * @param tensorFlowVersion the TensorFlow version that wrote it, empty if not recorded
 * @param signatures the signatures by key, sorted
 */
public record MetaGraphInfo(
    List<String> tags, String tensorFlowVersion, SortedMap<String, SignatureInfo> signatures) {

  /** Copies the collections. */
  public MetaGraphInfo {
    tags = List.copyOf(tags);
    signatures = new TreeMap<>(signatures);
  }

  /**
   * Finds a signature.
   *
   * @param key the signature key
   * @return the signature
   * @throws GraftException {@code GRAFT-MODEL-003} naming the available keys if absent
   */
  public SignatureInfo signature(String key) {
    SignatureInfo info = signatures.get(key);
    if (info == null) {
      throw new GraftException(
          GraftErrors.SIGNATURE_NOT_FOUND,
          "signature '"
              + key
              + "' does not exist in the meta graph tagged "
              + tags
              + "; available signatures: "
              + signatures.keySet()
              + ". Pass one of these (e.g. --signature "
              + (signatures.isEmpty() ? "serving_default" : signatures.firstKey())
              + ").");
    }
    return info;
  }
}
