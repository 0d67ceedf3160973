package dev.graft.tensorflow.train;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * An in-memory dataset over row-major float arrays. Shuffling draws a permutation with a {@link
 * SplittableRandom} seeded by the pass' seed.
 */
public final class ArrayDataset implements Dataset {

  private final float[] features;
  private final int exampleSize;
  private final float[] targets;
  private final int targetWidth;
  private final float[] weights;
  private final int size;

  private ArrayDataset(
      float[] features, int exampleSize, float[] targets, int targetWidth, float[] weights) {
    if (exampleSize <= 0 || targetWidth <= 0) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "example size "
              + exampleSize
              + " and target width "
              + targetWidth
              + " must be positive.");
    }
    if (features.length % exampleSize != 0) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "the feature array has "
              + features.length
              + " values, not a multiple of the example size "
              + exampleSize
              + "; check the input shape.");
    }
    this.size = features.length / exampleSize;
    if (size == 0) {
      throw new InvalidInputException(GraftErrors.EMPTY_INPUT, "the dataset has no examples.");
    }
    if (targets.length != (long) size * targetWidth) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          size
              + " examples need "
              + (long) size * targetWidth
              + " target values (width "
              + targetWidth
              + ") but "
              + targets.length
              + " were given.");
    }
    if (weights != null && weights.length != size) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          size + " examples need " + size + " weights but " + weights.length + " were given.");
    }
    this.features = features;
    this.exampleSize = exampleSize;
    this.targets = targets;
    this.targetWidth = targetWidth;
    this.weights = weights;
  }

  /**
   * A classification dataset: labels become one-hot target rows.
   *
   * @param features row-major inputs
   * @param exampleSize values per example
   * @param labels class indices in [0, numClasses)
   * @param numClasses the number of classes
   * @return the dataset
   * @throws InvalidInputException INVALID_LABELS naming the row if a label is out of range
   */
  public static ArrayDataset ofClasses(
      float[] features, int exampleSize, int[] labels, int numClasses) {
    float[] oneHot = new float[Math.multiplyExact(labels.length, numClasses)];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new InvalidInputException(
            GraftErrors.INVALID_LABELS,
            "label "
                + labels[i]
                + " at row "
                + i
                + " is outside [0, "
                + numClasses
                + "); labels must be class indices.");
      }
      oneHot[i * numClasses + labels[i]] = 1f;
    }
    return new ArrayDataset(features, exampleSize, oneHot, numClasses, null);
  }

  /**
   * A dataset with explicit target rows (regression, multi-label, soft labels).
   *
   * @param features row-major inputs
   * @param exampleSize values per example
   * @param targets row-major targets
   * @param targetWidth values per target row
   * @return the dataset
   */
  public static ArrayDataset ofTargets(
      float[] features, int exampleSize, float[] targets, int targetWidth) {
    return new ArrayDataset(features, exampleSize, targets, targetWidth, null);
  }

  /**
   * A copy with per-example weights (for instance weighting).
   *
   * @param exampleWeights one non-negative finite weight per example
   * @return the new dataset (sharing the arrays)
   */
  public ArrayDataset withWeights(float[] exampleWeights) {
    for (int i = 0; i < exampleWeights.length; i++) {
      if (!(exampleWeights[i] >= 0) || Float.isInfinite(exampleWeights[i])) {
        throw new InvalidInputException(
            GraftErrors.NON_FINITE_VALUE,
            "example weight " + exampleWeights[i] + " at row " + i + " must be finite and >= 0.");
      }
    }
    return new ArrayDataset(features, exampleSize, targets, targetWidth, exampleWeights);
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
    return size;
  }

  /**
   * The permutation a shuffled pass uses.
   *
   * @param n the number of examples
   * @param seed the seed
   * @return a permutation of [0, n)
   */
  static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Override
  public BatchIterator batches(int batchSize, boolean shuffle, long seed) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    int[] order = shuffle ? permutation(size, seed) : null;
    return new BatchIterator() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = Math.min(batchSize, size - next);
        float[] x = new float[n * exampleSize];
        float[] y = new float[n * targetWidth];
        float[] w = weights == null ? null : new float[n];
        for (int i = 0; i < n; i++) {
          int row = order == null ? next + i : order[next + i];
          System.arraycopy(features, row * exampleSize, x, i * exampleSize, exampleSize);
          System.arraycopy(targets, row * targetWidth, y, i * targetWidth, targetWidth);
          if (w != null) {
            w[i] = weights[row];
          }
        }
        next += n;
        return new Batch(x, y, w, n);
      }

      @Override
      public void close() {}
    };
  }
}
