package dev.graft.tensorflow.runtime;

import ai.djl.Device;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * A {@link DeviceConfig} checked against the devices TensorFlow sees and turned into TensorFlow
 * settings: a {@link ConfigProto} for TF Java {@link Session}s and DJL model options.
 *
 * <p>CPU placement hides all GPUs from the session ({@code device_count {GPU: 0}}). GPU placement
 * keeps every GPU visible (TensorFlow fixes GPU visibility once per process), enables memory growth
 * when asked, and allows soft placement so ops without a GPU kernel fall back to the CPU; code that
 * builds graphs should put ops on {@link #tensorFlowDeviceName()} to use a GPU other than the
 * first. Thread-pool sizes of 0 leave TensorFlow's defaults.
 *
 * <p>Immutable and thread-safe.
 */
public final class DevicePlacement {

  /** DJL model-option key carrying a {@link ConfigProto} for the model's session. */
  public static final String DJL_CONFIG_PROTO_OPTION = "ConfigProto";

  private final DeviceConfig config;
  private final ConfigProto sessionConfig;

  private DevicePlacement(DeviceConfig config, ConfigProto sessionConfig) {
    this.config = config;
    this.sessionConfig = sessionConfig;
  }

  /**
   * Resolves a device config against the devices of the running TensorFlow (starting it if needed).
   *
   * @param config the requested device and threads
   * @return the placement
   * @throws GraftException {@code GRAFT-TF-003} if a GPU is requested that TensorFlow does not see
   */
  public static DevicePlacement resolve(DeviceConfig config) {
    return resolve(config, TensorFlowRuntime.start().devices());
  }

  /**
   * Resolves a device config against a given device list.
   *
   * @param config the requested device and threads
   * @param available the devices TensorFlow sees
   * @return the placement
   * @throws GraftException {@code GRAFT-TF-003} if a GPU is requested that is not in {@code
   *     available}
   */
  public static DevicePlacement resolve(DeviceConfig config, List<TfDevice> available) {
    Objects.requireNonNull(config, "config");
    if (config.kind() == DeviceConfig.Kind.GPU) {
      List<TfDevice> gpus = available.stream().filter(TfDevice::isGpu).toList();
      boolean present = gpus.stream().anyMatch(gpu -> gpu.index() == config.gpuIndex());
      if (!present) {
        throw new GraftException(
            GraftErrors.DEVICE_UNAVAILABLE,
            "device '"
                + config.label()
                + "' was requested but TensorFlow sees "
                + (gpus.isEmpty()
                    ? "no GPU"
                    : "only " + gpus.stream().map(TfDevice::label).toList())
                + ". Use device 'cpu', pick a listed GPU, or run a GPU build of Graft ('mvn -Pgpu',"
                + " natives tensorflow-core-native-…-linux-x86_64-gpu.jar) on a machine with an"
                + " NVIDIA driver and CUDA 12.");
      }
    }
    return new DevicePlacement(config, buildSessionConfig(config));
  }

  private static ConfigProto buildSessionConfig(DeviceConfig config) {
    ConfigProto.Builder builder = ConfigProto.newBuilder().setAllowSoftPlacement(true);
    if (config.intraOpThreads() > 0) {
      builder.setIntraOpParallelismThreads(config.intraOpThreads());
    }
    if (config.interOpThreads() > 0) {
      builder.setInterOpParallelismThreads(config.interOpThreads());
    }
    if (config.kind() == DeviceConfig.Kind.CPU) {
      builder.putDeviceCount("GPU", 0);
    } else {
      builder.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(config.allowMemoryGrowth()));
    }
    return builder.build();
  }

  /**
   * The config this placement was resolved from.
   *
   * @return the device config
   */
  public DeviceConfig config() {
    return config;
  }

  /**
   * The device label recorded in provenance, e.g. {@code cpu} or {@code gpu:0}.
   *
   * @return the label
   */
  public String label() {
    return config.label();
  }

  /**
   * TensorFlow's device name for explicit op placement, e.g. {@code /device:CPU:0} or {@code
   * /device:GPU:1}.
   *
   * @return the device name
   */
  public String tensorFlowDeviceName() {
    return config.kind() == DeviceConfig.Kind.CPU
        ? "/device:CPU:0"
        : "/device:GPU:" + config.gpuIndex();
  }

  /**
   * The session settings: threads, GPU visibility and memory growth.
   *
   * @return the config proto for {@code new Session(graph, config)}
   */
  public ConfigProto sessionConfig() {
    return sessionConfig;
  }

  /**
   * Opens a TF Java session on {@code graph} with these settings. The caller owns (closes) it.
   *
   * @param graph the graph to run
   * @return a new session
   */
  public Session openSession(Graph graph) {
    return new Session(graph, sessionConfig);
  }

  /**
   * The DJL device matching this placement.
   *
   * @return {@link Device#cpu()} or {@link Device#gpu(int)}
   */
  public Device djlDevice() {
    return config.kind() == DeviceConfig.Kind.CPU ? Device.cpu() : Device.gpu(config.gpuIndex());
  }

  /**
   * Options to pass to DJL's {@code Model.load(path, name, options)} for a TensorFlow model.
   *
   * @return an immutable map holding the session config under {@value #DJL_CONFIG_PROTO_OPTION}
   */
  public Map<String, Object> djlModelOptions() {
    return Map.of(DJL_CONFIG_PROTO_OPTION, sessionConfig);
  }

  @Override
  public String toString() {
    return "DevicePlacement[" + label() + "]";
  }
}
