package dev.graft.engine.strategy;

import dev.graft.api.data.Dataset;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.InvalidInputException;
import dev.graft.api.source.EncodedInputs;
import dev.graft.api.source.InputEncoder;
import dev.graft.tensorflow.train.ArrayDataset;
import dev.graft.tensorflow.train.BatchIterator;
import java.util.Map;

/**
 * Labelled target examples as the toolkit's training data, encoded by the modality's {@link
 * InputEncoder}. With augmentation, every pass re-encodes the examples with the encoder's seeded
 * augmentation, seeded by the pass's shuffle seed (which the trainer derives from the run seed and
 * the epoch), so each epoch sees new augmented copies and runs stay reproducible.
 */
final class EncodedData implements dev.graft.tensorflow.train.Dataset {

  private final InputEncoder encoder;
  private final Dataset<?> data;
  private final Map<String, Object> inputSpec;
  private final float[] targets;
  private final int targetWidth;
  private final boolean augment;
  private final int exampleSize;
  private final ArrayDataset plain;

  private EncodedData(
      InputEncoder encoder,
      Dataset<?> data,
      Map<String, Object> inputSpec,
      float[] targets,
      int targetWidth,
      boolean augment,
      int expectedExampleSize) {
    this.encoder = encoder;
    this.data = data;
    this.inputSpec = inputSpec;
    this.targets = targets;
    this.targetWidth = targetWidth;
    this.augment = augment;
    EncodedInputs once = encode(encoder, data, inputSpec, expectedExampleSize);
    this.exampleSize = once.exampleSize();
    this.plain =
        augment ? null : ArrayDataset.ofTargets(once.values(), exampleSize, targets, targetWidth);
  }

  /**
   * Labelled examples for training or validation.
   *
   * @param encoder the modality's encoder
   * @param data labelled examples
   * @param inputSpec the network's input spec
   * @param task what the network predicts (classes or real values)
   * @param augment whether each training pass augments
   * @param expectedExampleSize values per example the network takes
   * @return the training data
   */
  static EncodedData labelled(
      InputEncoder encoder,
      Dataset<?> data,
      Map<String, Object> inputSpec,
      TargetTask task,
      boolean augment,
      int expectedExampleSize) {
    return new EncodedData(
        encoder, data, inputSpec, task.targets(data), task.outputs(), augment, expectedExampleSize);
  }

  /**
   * Encodes examples without augmentation, checking the size against the network.
   *
   * @param encoder the encoder
   * @param data the examples
   * @param inputSpec the spec
   * @param expectedExampleSize the network's values per example
   * @return the encoded examples
   * @throws InvalidInputException GRAFT-DATA-002 if the encoder's examples do not fit the network
   */
  static EncodedInputs encode(
      InputEncoder encoder,
      Dataset<?> data,
      Map<String, Object> inputSpec,
      int expectedExampleSize) {
    return check(encoder, encoder.encode(data, inputSpec, false, 0L), expectedExampleSize);
  }

  private static EncodedInputs check(InputEncoder encoder, EncodedInputs in, int expected) {
    if (in.exampleSize() != expected) {
      throw new InvalidInputException(
          GraftErrors.SIZE_MISMATCH,
          "input encoder '"
              + encoder.id()
              + "' produced examples of shape "
              + java.util.Arrays.toString(in.exampleShape())
              + " ("
              + in.exampleSize()
              + " values) but the network takes "
              + expected
              + " values per example; the input spec and the network disagree.");
    }
    return in;
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
    return data.size();
  }

  @Override
  public BatchIterator batches(int batchSize, boolean shuffle, long seed) {
    if (!augment) {
      return plain.batches(batchSize, shuffle, seed);
    }
    EncodedInputs in = check(encoder, encoder.encode(data, inputSpec, true, seed), exampleSize);
    return ArrayDataset.ofTargets(in.values(), exampleSize, targets, targetWidth)
        .batches(batchSize, shuffle, seed);
  }
}
