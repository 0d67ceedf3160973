package dev.graft.api.extension;

/**
 * Something an extension needs in order to run. The host checks requirements before scheduling an
 * extension and reports, for every extension it skips, which requirement was not met.
 */
public enum Requirement {
  /** Feature vectors extracted from the target data by the source model. */
  FEATURES,
  /** Labels on (some of) the target data. */
  TARGET_LABELS,
  /** Unlabelled target examples (domain adaptation, self-training). */
  UNLABELLED_TARGET,
  /** A labelled source data set (instance-based transfer such as KMM or TrAdaBoost). */
  SOURCE_DATA,
  /** The source model's class probabilities on the target data (e.g. LEEP). */
  SOURCE_PROBABILITIES,
  /** The source model's hard label predictions on the target data (e.g. NCE). */
  SOURCE_HARD_LABELS,
  /** A source model whose weights can be trained further (fine-tuning). */
  TRAINABLE_SOURCE
}
