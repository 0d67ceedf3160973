package dev.graft.engine.report;

import dev.graft.engine.run.GuardVerdict;

/** The plain-words reading of a negative-transfer guard verdict. */
final class Verdicts {

  private Verdicts() {}

  /**
   * A short label for tables and legends.
   *
   * @param verdict the verdict, may be null
   * @param baseline the baseline strategy's id (e.g. scratch)
   * @return the label
   */
  static String label(GuardVerdict verdict, String baseline) {
    if (verdict == null) {
      return "no verdict";
    }
    return switch (verdict) {
      case BASELINE -> "baseline (" + baseline + ")";
      case BEATS_SCRATCH -> "beats " + baseline;
      case WITHIN_NOISE -> "negative transfer: no better than " + baseline;
      case NEGATIVE_TRANSFER -> "negative transfer: worse than " + baseline;
    };
  }

  /**
   * What the verdict means, for a tooltip.
   *
   * @param verdict the verdict, may be null
   * @param baseline the baseline strategy's id (e.g. scratch)
   * @return the explanation
   */
  static String explanation(GuardVerdict verdict, String baseline) {
    if (verdict == null) {
      return "The guard gave no verdict for this model.";
    }
    return switch (verdict) {
      case BASELINE ->
          "This is the baseline (" + baseline + ") that the transferred models are compared with.";
      case BEATS_SCRATCH ->
          "The 95% interval of the paired difference to "
              + baseline
              + " lies above zero: the gain is"
              + " larger than run-to-run noise.";
      case WITHIN_NOISE ->
          "The 95% interval of the difference to "
              + baseline
              + " contains zero (or there was one run"
              + " only): no gain beyond noise, so it is treated as negative transfer and never"
              + " chosen over "
              + baseline
              + ".";
      case NEGATIVE_TRANSFER ->
          "The 95% interval of the difference to "
              + baseline
              + " lies below zero: transfer made the"
              + " model worse.";
    };
  }

  /**
   * Whether the verdict is reported as negative transfer.
   *
   * @param verdict the verdict, may be null
   * @return true for WITHIN_NOISE and NEGATIVE_TRANSFER
   */
  static boolean isNegative(GuardVerdict verdict) {
    return verdict == GuardVerdict.WITHIN_NOISE || verdict == GuardVerdict.NEGATIVE_TRANSFER;
  }
}
