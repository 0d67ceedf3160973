package dev.graft.tensorflow.savedmodel;

import java.util.List;
import java.util.Optional;

/**
 * A SavedModel signature: a named function with typed inputs and outputs.
 *
 * @param key the signature key, e.g. {@code serving_default}
 * @param methodName TensorFlow's method name, e.g. {@code tensorflow/serving/predict}
 * @param inputs the inputs, sorted by key
 * @param outputs the outputs, sorted by key
 */
public record SignatureInfo(
    String key, String methodName, List<TensorSpec> inputs, List<TensorSpec> outputs) {

  /** Copies the lists. */
  public SignatureInfo {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /**
   * Finds an input by key.
   *
   * @param inputKey the key
   * @return the input, if present
   */
  public Optional<TensorSpec> input(String inputKey) {
    return inputs.stream().filter(spec -> spec.key().equals(inputKey)).findFirst();
  }

  /**
   * The input keys in order.
   *
   * @return the keys
   */
  public List<String> inputKeys() {
    return inputs.stream().map(TensorSpec::key).toList();
  }

  /**
   * The output keys in order.
   *
   * @return the keys
   */
  public List<String> outputKeys() {
    return outputs.stream().map(TensorSpec::key).toList();
  }
}
