package dev.graft.api.data;

/** What a reader does with a bad file or row. */
public enum BadInputPolicy {
  /** Stop and report every offending file or row (the default). */
  FAIL,
  /** Skip offending files or rows and report how many and which. */
  SKIP
}
