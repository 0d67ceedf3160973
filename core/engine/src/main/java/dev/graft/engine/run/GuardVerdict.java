package dev.graft.engine.run;

/** What the negative-transfer guard concluded for one transferred model against scratch. */
public enum GuardVerdict {
  /** This is the scratch baseline itself. */
  BASELINE,
  /**
   * Better than scratch beyond the run-to-run noise: the 95% interval of the paired difference lies
   * above 0.
   */
  BEATS_SCRATCH,
  /**
   * Not distinguishable from scratch: the interval contains 0 (or there was one run only). Reported
   * as negative transfer: it is never chosen over scratch.
   */
  WITHIN_NOISE,
  /** Worse than scratch beyond the noise: the interval lies below 0. */
  NEGATIVE_TRANSFER;

  /**
   * Whether a model with this verdict may be chosen as the winner over scratch.
   *
   * @return true for BASELINE and BEATS_SCRATCH
   */
  public boolean eligible() {
    return this == BASELINE || this == BEATS_SCRATCH;
  }
}
