package dev.graft.speech.pretrain;

import dev.graft.api.data.Dataset;
import dev.graft.api.source.EncodedInputs;
import dev.graft.speech.Clip;
import dev.graft.speech.encode.AudioInputEncoder;
import dev.graft.speech.encode.AudioInputSpec;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.BatchIterator;

/**
 * Labelled clips as the toolkit's training data. With augmentation every pass re-encodes the clips
 * with the pass's shuffle seed (which the trainer derives from the run seed and the epoch), so each
 * epoch hears new, reproducible noise, shifts and masks; without it the clips are encoded once.
 */
final class AugmentedClips implements dev.graft.tensorflow.train.Dataset {

  private final Dataset<Clip> clips;
  private final AudioInputSpec spec;
  private final int[] labels;
  private final int numClasses;
  private final boolean augment;
  private final ArrayDataset plain;

  AugmentedClips(Dataset<Clip> clips, AudioInputSpec spec, int numClasses, boolean augment) {
    this.clips = clips;
    this.spec = spec;
    this.labels = clips.classLabels().values();
    this.numClasses = numClasses;
    this.augment = augment && !spec.augmentation().isIdentity();
    EncodedInputs once = AudioInputEncoder.encode(clips, spec, false, 0L);
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
    EncodedInputs in = AudioInputEncoder.encode(clips, spec, true, seed);
    return ArrayDataset.ofClasses(in.values(), in.exampleSize(), labels, numClasses)
        .batches(batchSize, shuffle, seed);
  }
}
