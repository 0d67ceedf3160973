package dev.graft.tensorflow.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * What the TensorFlow runtime loaded, for {@code graft doctor} and run provenance.
 *
 * @param tensorFlowVersion the native TensorFlow version, e.g. {@code 2.16.1}
 * @param djlVersion the DJL version, e.g. {@code 0.36.0}
 * @param platform the JavaCPP platform, e.g. {@code linux-x86_64}
 * @param nativeLibraryDir the folder the native libraries were loaded from
 * @param devices the devices TensorFlow sees, CPUs first
 */
public record NativeInfo(
    String tensorFlowVersion,
    String djlVersion,
    String platform,
    Path nativeLibraryDir,
    List<TfDevice> devices) {

  /** Copies the device list. */
  public NativeInfo {
    devices = List.copyOf(devices);
  }

  /**
   * The GPUs TensorFlow sees.
   *
   * @return the GPU devices, possibly empty
   */
  public List<TfDevice> gpus() {
    return devices.stream().filter(TfDevice::isGpu).toList();
  }

  /**
   * A multi-line human-readable summary.
   *
   * @return the summary
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("TensorFlow ").append(tensorFlowVersion).append('\n');
    text.append("DJL ").append(djlVersion).append('\n');
    text.append("platform ").append(platform).append('\n');
    text.append("natives ").append(nativeLibraryDir).append('\n');
    for (TfDevice device : devices) {
      text.append("device ")
          .append(device.label())
          .append(" (")
          .append(device.name())
          .append(")\n");
    }
    return text.toString();
  }
}
