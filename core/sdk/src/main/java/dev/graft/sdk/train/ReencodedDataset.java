package dev.graft.sdk.train;

import dev.graft.api.source.EncodedInputs;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.BatchIterator;
import dev.graft.tensorflow.train.Dataset;

/**
 * Labelled examples as the toolkit's training data, encoded by the modality's input encoder. With
 * augmentation every pass re-encodes the examples with the pass's shuffle seed (which the trainer
 * derives from the run seed and the epoch), so each epoch sees new, reproducible variations;
 * without it the examples are encoded once. Either way they are encoded once without augmentation
 * at construction (seed 0), which also fixes {@link #exampleSize()}.
 */
public final class ReencodedDataset implements Dataset {

  /** Encodes the examples, with or without augmentation, for one seed. */
  @FunctionalInterface
  public interface Encoding {

    /**
     * Encodes every example, in order.
     *
     * @param augment whether to apply the input spec's augmentation
     * @param seed the augmentation seed
     * @return the encoded inputs
     */
    EncodedInputs encode(boolean augment, long seed);
  }

  private final Encoding encoding;
  private final int[] labels;
  private final int numClasses;
  private final boolean augment;
  private final ArrayDataset plain;

  /**
   * Encodes the examples once without augmentation.
   *
   * @param labels the class index of each example, in encoding order
   * @param numClasses the number of classes (the one-hot target width)
   * @param augment whether each pass re-encodes with augmentation
   * @param encoding the modality's encoding of these examples
   */
  public ReencodedDataset(int[] labels, int numClasses, boolean augment, Encoding encoding) {
    this.encoding = encoding;
    this.labels = labels;
    this.numClasses = numClasses;
    this.augment = augment;
    EncodedInputs once = encoding.encode(false, 0L);
    this.plain = ArrayDataset.ofClasses(once.values(), once.exampleSize(), labels, numClasses);
  }

  @Override
  public int exampleSize() {
    return plain.exampleSize();
  }

  @Override
  public int targetWidth() {
    return numClasses;
  }

  @Override
  public long size() {
    return labels.length;
  }

  @Override
  public BatchIterator batches(int batchSize, boolean shuffle, long seed) {
    if (!augment) {
      return plain.batches(batchSize, shuffle, seed);
    }
    EncodedInputs in = encoding.encode(true, seed);
    return ArrayDataset.ofClasses(in.values(), in.exampleSize(), labels, numClasses)
        .batches(batchSize, shuffle, seed);
  }
}
