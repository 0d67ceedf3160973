package dev.graft.vision.pretrain;

import dev.graft.api.data.Dataset;
import dev.graft.api.source.EncodedInputs;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.BatchIterator;
import dev.graft.vision.Image;
import dev.graft.vision.encode.ImageInputEncoder;
import java.util.Map;

/**
 * Labelled images as the toolkit's training data. With augmentation every pass re-encodes the
 * images through {@link ImageInputEncoder} with the pass's shuffle seed (which the trainer derives
 * from the run seed and the epoch), so each epoch sees new, reproducible variations; without it the
 * images are encoded once.
 */
final class AugmentedImages implements dev.graft.tensorflow.train.Dataset {

  private final ImageInputEncoder encoder = new ImageInputEncoder();
  private final Dataset<Image> images;
  private final Map<String, Object> inputSpec;
  private final int[] labels;
  private final int numClasses;
  private final boolean augment;
  private final ArrayDataset plain;

  AugmentedImages(
      Dataset<Image> images, Map<String, Object> inputSpec, int numClasses, boolean augment) {
    this.images = images;
    this.inputSpec = inputSpec;
    this.labels = images.classLabels().values();
    this.numClasses = numClasses;
    this.augment = augment;
    EncodedInputs once = encoder.encode(images, inputSpec, false, 0L);
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
    EncodedInputs in = encoder.encode(images, inputSpec, true, seed);
    return ArrayDataset.ofClasses(in.values(), in.exampleSize(), labels, numClasses)
        .batches(batchSize, shuffle, seed);
  }
}
