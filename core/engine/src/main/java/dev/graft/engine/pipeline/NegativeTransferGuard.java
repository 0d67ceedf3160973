package dev.graft.engine.pipeline;

import dev.graft.engine.evaluate.protocol.PairedComparison;
import dev.graft.engine.evaluate.protocol.PairedDifference;
import dev.graft.engine.evaluate.protocol.RunResults;
import dev.graft.engine.run.GuardVerdict;

/**
 * Decides whether a transferred model really beats the scratch baseline: the per-seed differences
 * in the deciding metric (same seeds, same splits) must have a 95% Student-t interval entirely on
 * the better side of 0. Anything else — worse, or within the run-to-run noise, or a single run that
 * cannot measure noise — is reported as negative transfer and never chosen over scratch.
 */
public final class NegativeTransferGuard {

  private NegativeTransferGuard() {}

  /**
   * The guard's judgement of one transferred model.
   *
   * @param verdict the verdict
   * @param difference the paired difference transferred - scratch
   */
  public record Judgement(GuardVerdict verdict, PairedDifference difference) {}

  /**
   * Compares a transferred model's runs with scratch's runs, paired by seed.
   *
   * @param transferred the transferred model's results, keyed by seed
   * @param scratch the scratch baseline's results, same seeds
   * @param metric the deciding metric
   * @return the judgement
   */
  public static Judgement judge(RunResults transferred, RunResults scratch, String metric) {
    PairedDifference d = PairedComparison.compare(transferred, scratch, metric);
    GuardVerdict verdict =
        switch (d.verdict()) {
          case A_BETTER -> GuardVerdict.BEATS_SCRATCH;
          case B_BETTER -> GuardVerdict.NEGATIVE_TRANSFER;
          case NOT_SIGNIFICANT, UNDETERMINED -> GuardVerdict.WITHIN_NOISE;
        };
    return new Judgement(verdict, d);
  }
}
