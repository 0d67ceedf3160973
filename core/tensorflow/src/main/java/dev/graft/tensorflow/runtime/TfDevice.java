package dev.graft.tensorflow.runtime;

import java.util.Locale;

/**
 * A device TensorFlow can run ops on, as listed by the TensorFlow runtime.
 *
 * @param name TensorFlow's full device name, e.g. {@code
 *     /job:localhost/replica:0/task:0/device:CPU:0}
 * @param type the device type, e.g. {@code CPU} or {@code GPU}
 * @param index the index among devices of the same type (the {@code N} in {@code device:GPU:N})
 * @param memoryBytes the memory TensorFlow reports for the device, 0 if unknown
 */
public record TfDevice(String name, String type, int index, long memoryBytes) {

  /**
   * Whether this is a GPU.
   *
   * @return true for {@code GPU} devices
   */
  public boolean isGpu() {
    return "GPU".equalsIgnoreCase(type);
  }

  /**
   * A short label such as {@code cpu:0} or {@code gpu:1}, matching {@link
   * dev.graft.api.config.DeviceConfig#label()} for GPUs.
   *
   * @return the label
   */
  public String label() {
    return type.toLowerCase(Locale.ROOT) + ":" + index;
  }
}
