package dev.graft.recommender.data;

/** What an interaction value means. */
public enum Feedback {
  /** Explicit ratings on a declared scale (e.g. 0.5 to 5 stars); models predict the rating. */
  EXPLICIT,
  /** Implicit feedback (a view, a purchase): every interaction is a positive with value 1. */
  IMPLICIT
}
