package dev.graft.tensorflow.train;

import java.util.Iterator;

/** Batches of one pass over a dataset; close it to release any open source (files, streams). */
public interface BatchIterator extends Iterator<Batch>, AutoCloseable {

  /** Releases the underlying source; does not throw checked exceptions. */
  @Override
  void close();
}
