package dev.graft.tensorflow.train;

/**
 * Labelled examples that can be read in mini-batches any number of times.
 *
 * <p>Implementations must give the same batches for the same {@code (batchSize, shuffle, seed)}:
 * the trainer relies on it for deterministic runs and for resuming in the middle of an epoch.
 */
public interface Dataset {

  /**
   * Values per input example.
   *
   * @return the example size
   */
  int exampleSize();

  /**
   * Values per target row.
   *
   * @return the target width
   */
  int targetWidth();

  /**
   * The number of examples, or -1 if unknown (a stream).
   *
   * @return the size
   */
  long size();

  /**
   * Starts one pass.
   *
   * @param batchSize examples per batch (the last batch may be smaller)
   * @param shuffle whether to shuffle
   * @param seed the shuffle seed
   * @return the batches (close it)
   */
  BatchIterator batches(int batchSize, boolean shuffle, long seed);
}
