package dev.graft.api.config;

import dev.graft.api.error.ConfigException;
import java.util.Locale;

/**
 * Where and how networks run: CPU or a GPU, TensorFlow's thread pools, GPU memory growth.
 *
 * <p>Validated on construction. {@code 0} threads means "let TensorFlow decide". The device that is
 * actually used is recorded in each run's provenance.
 *
 * @param kind CPU or GPU
 * @param gpuIndex the GPU to use when {@code kind} is GPU (0-based); ignored on CPU
 * @param allowMemoryGrowth on GPU, allocate memory as needed instead of reserving it all upfront
 * @param intraOpThreads threads used inside one op (0 = TensorFlow default)
 * @param interOpThreads ops run in parallel (0 = TensorFlow default)
 */
public record DeviceConfig(
    Kind kind, int gpuIndex, boolean allowMemoryGrowth, int intraOpThreads, int interOpThreads) {

  /** The kind of device. */
  public enum Kind {
    /** The host CPU. */
    CPU,
    /** An NVIDIA GPU (needs the {@code gpu} build of the host). */
    GPU;

    /**
     * Parses "cpu", "gpu" or "gpu:N" case-insensitively (the index is read by {@link
     * DeviceConfig#parse}).
     *
     * @param text the device text
     * @return the kind
     */
    static Kind of(String text) {
      String t = text.toLowerCase(Locale.ROOT);
      if (t.equals("cpu")) {
        return CPU;
      }
      if (t.equals("gpu") || t.startsWith("gpu:")) {
        return GPU;
      }
      throw new ConfigException(
          "'device' is '" + text + "'; it must be 'cpu', 'gpu' or 'gpu:N' (N = GPU index).");
    }
  }

  /** Validates the fields. */
  public DeviceConfig {
    ConfigException.require(kind != null, "device", null, "cpu or gpu");
    ConfigException.require(gpuIndex >= 0, "gpuIndex", gpuIndex, "0 or greater");
    ConfigException.require(
        intraOpThreads >= 0 && intraOpThreads <= 4096,
        "intraOpThreads",
        intraOpThreads,
        "between 0 (TensorFlow default) and 4096");
    ConfigException.require(
        interOpThreads >= 0 && interOpThreads <= 4096,
        "interOpThreads",
        interOpThreads,
        "between 0 (TensorFlow default) and 4096");
  }

  /**
   * The default: CPU with TensorFlow's own thread settings.
   *
   * @return a CPU config
   */
  public static DeviceConfig cpu() {
    return new DeviceConfig(Kind.CPU, 0, true, 0, 0);
  }

  /**
   * GPU {@code index} with memory growth enabled.
   *
   * @param index the 0-based GPU index
   * @return a GPU config
   */
  public static DeviceConfig gpu(int index) {
    return new DeviceConfig(Kind.GPU, index, true, 0, 0);
  }

  /**
   * Parses "cpu", "gpu" or "gpu:N".
   *
   * @param text the device text
   * @return the config with default thread settings
   * @throws ConfigException if the text is not one of those forms
   */
  public static DeviceConfig parse(String text) {
    Kind kind = Kind.of(text.trim());
    if (kind == Kind.CPU) {
      return cpu();
    }
    String t = text.trim();
    int colon = t.indexOf(':');
    if (colon < 0) {
      return gpu(0);
    }
    try {
      return gpu(Integer.parseInt(t.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "'device' is '" + text + "'; the GPU index after 'gpu:' must be a whole number.");
    }
  }

  /**
   * A copy with the given thread settings.
   *
   * @param intraOp threads inside one op (0 = default)
   * @param interOp parallel ops (0 = default)
   * @return a new config
   */
  public DeviceConfig withThreads(int intraOp, int interOp) {
    return new DeviceConfig(kind, gpuIndex, allowMemoryGrowth, intraOp, interOp);
  }

  /**
   * A short label such as {@code cpu} or {@code gpu:0}, as recorded in provenance.
   *
   * @return the label
   */
  public String label() {
    return kind == Kind.CPU ? "cpu" : "gpu:" + gpuIndex;
  }
}
