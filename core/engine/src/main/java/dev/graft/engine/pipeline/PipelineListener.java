package dev.graft.engine.pipeline;

/**
 * Progress of a run, for progress bars and logs. Implementations must be cheap; they are called on
 * the pipeline's thread.
 */
public interface PipelineListener {

  /** Ignores everything. */
  PipelineListener NONE = new PipelineListener() {};

  /**
   * A step started, e.g. "read target", "extract features", "rank sources".
   *
   * @param step the step's name
   */
  default void stepStarted(String step) {}

  /**
   * Progress inside a step.
   *
   * @param step the step's name
   * @param done units done
   * @param total units in all
   * @param detail what the current unit is, e.g. "fine-tune on glyphs-62, seed 3"
   */
  default void progress(String step, int done, int total, String detail) {}

  /**
   * Something worth telling the user that is not an error (a skipped strategy, a cache hit).
   *
   * @param message the note
   */
  default void note(String message) {}
}
