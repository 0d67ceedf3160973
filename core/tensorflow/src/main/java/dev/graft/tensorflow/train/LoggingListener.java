package dev.graft.tensorflow.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs progress through SLF4J: every {@code everySteps} steps and at every epoch end. */
public final class LoggingListener implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);
  private final int everySteps;
  private long windowNanos;
  private long windowExamples;

  /**
   * Creates a listener.
   *
   * @param everySteps log a step line every this many steps (0 = epoch lines only)
   */
  public LoggingListener(int everySteps) {
    this.everySteps = everySteps;
  }

  @Override
  public void onStep(StepEvent e) {
    windowNanos += e.nanos();
    windowExamples += e.batchSize();
    if (everySteps > 0 && e.globalStep() % everySteps == 0) {
      LOG.info(
          "epoch {} step {} loss {} ({} examples/s)",
          e.epoch(),
          e.globalStep(),
          String.format("%.4f", e.loss()),
          String.format("%.0f", windowExamples / (windowNanos / 1e9)));
      windowNanos = 0;
      windowExamples = 0;
    }
  }

  @Override
  public void onEpochEnd(EpochSummary s) {
    if (s.validation() == null) {
      LOG.info("epoch {} train loss {} ({} s)", s.epoch(), fmt(s.trainLoss()), fmt(s.seconds()));
    } else {
      LOG.info(
          "epoch {} train loss {} val loss {} val accuracy {} ({} s)",
          s.epoch(),
          fmt(s.trainLoss()),
          fmt(s.validation().loss()),
          fmt(s.validation().accuracy()),
          fmt(s.seconds()));
    }
  }

  private static String fmt(double v) {
    return String.format("%.4f", v);
  }
}
