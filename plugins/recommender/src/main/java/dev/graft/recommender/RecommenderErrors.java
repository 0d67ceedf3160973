package dev.graft.recommender;

import dev.graft.api.error.ErrorId;

/**
 * The recommender plugin's error ids. Codes are stable; {@code docs/recommender.md} explains each
 * one and what to do about it.
 */
public enum RecommenderErrors implements ErrorId {
  /** A rating row has the wrong number of fields or an unparsable number. */
  MALFORMED_ROW("REC-READ-001", "malformed rating row"),
  /** An id is not numeric where the format declares numeric ids. */
  NON_NUMERIC_ID("REC-READ-002", "non-numeric id"),
  /** A rating lies outside the declared rating scale. */
  RATING_OUT_OF_SCALE("REC-READ-003", "rating outside the declared scale"),
  /** No interactions are left after reading and filtering. */
  NO_INTERACTIONS("REC-READ-004", "no interactions"),
  /** An item-metadata file is malformed or names no known item. */
  MALFORMED_ITEM_METADATA("REC-READ-005", "malformed item metadata"),
  /** A split leaves no training or no test interactions. */
  EMPTY_SPLIT("REC-SPLIT-001", "empty split"),
  /** Data handed to a recommender model or strategy is not a recommender data set. */
  NOT_INTERACTION_DATA("REC-DATA-001", "not interaction data"),
  /** A source covers none of the target's users, so nothing can be transferred. */
  NO_SHARED_USERS("REC-TRANSFER-001", "no users shared with the source"),
  /** Training produced a non-finite loss. */
  TRAINING_DIVERGED("REC-TRAIN-001", "recommender training diverged"),
  /** A recommender model folder is missing a file or holds inconsistent arrays. */
  MALFORMED_MODEL("REC-MODEL-001", "malformed recommender model");

  private final String code;
  private final String title;

  RecommenderErrors(String code, String title) {
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
