package dev.graft.api.extension;

/** The kind of prediction task. */
public enum TaskType {
  /** Single-label classification into a fixed set of classes. */
  CLASSIFICATION,
  /** Real-valued targets (one or more outputs). */
  REGRESSION,
  /** Ordering candidates for a query or user (recommendation, retrieval). */
  RANKING
}
