package dev.graft.api.source;

/** What a candidate source offers. */
public enum SourceKind {
  /** A pretrained model (SavedModel, Graft model store entry). */
  PRETRAINED_MODEL,
  /** A labelled source data set (for instance-based transfer). */
  LABELLED_DATASET,
  /** A model together with the labelled data it was trained on. */
  MODEL_AND_DATA
}
