package dev.graft.tensorflow.train;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A dataset read from a source that is opened anew for every pass (files, a database cursor, a
 * generator), so it need not fit in memory. Shuffling uses a seeded buffer of {@code shuffleBuffer}
 * examples: each emitted example is drawn at random from the buffer, which is refilled from the
 * stream.
 */
public final class StreamingDataset implements Dataset {

  /** Opens one pass over the examples. */
  @FunctionalInterface
  public interface Source {
    /**
     * Opens a pass.
     *
     * @return the examples, in a fixed order
     */
    Iterator<Example> open();
  }

  private final Source source;
  private final int exampleSize;
  private final int targetWidth;
  private final int shuffleBuffer;

  /**
   * Creates a streaming dataset.
   *
   * @param source opens a pass
   * @param exampleSize values per input example
   * @param targetWidth values per target row
   * @param shuffleBuffer examples held for shuffling (1 = no shuffling)
   */
  public StreamingDataset(Source source, int exampleSize, int targetWidth, int shuffleBuffer) {
    if (shuffleBuffer < 1) {
      throw new IllegalArgumentException("shuffleBuffer must be at least 1, got " + shuffleBuffer);
    }
    this.source = source;
    this.exampleSize = exampleSize;
    this.targetWidth = targetWidth;
    this.shuffleBuffer = shuffleBuffer;
  }

  /**
   * Creates a streaming dataset from a supplier of iterators.
   *
   * @param passes supplies one iterator per pass
   * @param exampleSize values per input example
   * @param targetWidth values per target row
   * @param shuffleBuffer examples held for shuffling
   * @return the dataset
   */
  public static StreamingDataset of(
      Supplier<Iterator<Example>> passes, int exampleSize, int targetWidth, int shuffleBuffer) {
    return new StreamingDataset(passes::get, exampleSize, targetWidth, shuffleBuffer);
  }

  @Override
  public int exampleSize() {
    return exampleSize;
  }

  @Override
  public int targetWidth() {
    return targetWidth;
  }

  @Override
  public long size() {
    return -1;
  }

  @Override
  public BatchIterator batches(int batchSize, boolean shuffle, long seed) {
    Iterator<Example> it = source.open();
    Iterator<Example> ordered = shuffle && shuffleBuffer > 1 ? shuffled(it, seed) : it;
    return new BatchIterator() {
      private long row;

      @Override
      public boolean hasNext() {
        return ordered.hasNext();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<Example> rows = new ArrayList<>(batchSize);
        while (rows.size() < batchSize && ordered.hasNext()) {
          rows.add(check(ordered.next(), row++));
        }
        int n = rows.size();
        float[] x = new float[n * exampleSize];
        float[] y = new float[n * targetWidth];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
          Example e = rows.get(i);
          System.arraycopy(e.features(), 0, x, i * exampleSize, exampleSize);
          System.arraycopy(e.target(), 0, y, i * targetWidth, targetWidth);
          w[i] = e.weight();
        }
        return new Batch(x, y, w, n);
      }

      @Override
      public void close() {
        if (it instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception e) {
            throw new InvalidInputException(
                GraftErrors.FILE_NOT_READABLE, "closing the dataset stream failed: " + e, e);
          }
        }
      }
    };
  }

  private Example check(Example e, long row) {
    if (e.features().length != exampleSize || e.target().length != targetWidth) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "streamed example "
              + row
              + " has "
              + e.features().length
              + " features and "
              + e.target().length
              + " targets; expected "
              + exampleSize
              + " and "
              + targetWidth
              + ".");
    }
    return e;
  }

  private Iterator<Example> shuffled(Iterator<Example> in, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Example> buffer = new ArrayList<>(shuffleBuffer);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        fill();
        return !buffer.isEmpty();
      }

      private void fill() {
        while (buffer.size() < shuffleBuffer && in.hasNext()) {
          buffer.add(in.next());
        }
      }

      @Override
      public Example next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = r.nextInt(buffer.size());
        Example e = buffer.get(i);
        buffer.set(i, buffer.get(buffer.size() - 1));
        buffer.remove(buffer.size() - 1);
        return e;
      }
    };
  }
}
