package dev.graft.recommender.model;

/** What a factor model is trained to do. */
public enum Objective {
  /** Explicit ratings: squared error of {@code mu + b_u + b_i + p_u.q_i} (biased MF). */
  MSE,
  /**
   * Implicit feedback, pairwise: {@code -log sigmoid(s(u, i) - s(u, j))} for a positive {@code i}
   * and each sampled negative {@code j} (BPR).
   */
  BPR,
  /**
   * Implicit feedback, listwise: softmax cross-entropy of the positive against {@code negatives}
   * uniformly sampled items (sampled softmax; uniform sampling needs no log-q correction).
   */
  SAMPLED_SOFTMAX
}
