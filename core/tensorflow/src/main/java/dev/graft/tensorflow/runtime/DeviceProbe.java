package dev.graft.tensorflow.runtime;

import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextListDevices;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_ContextOptionsSetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_DeleteContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContext;
import static org.tensorflow.internal.c_api.global.tensorflow.TFE_NewContextOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteDeviceList;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListCount;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListMemoryBytes;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListName;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeviceListType;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OK;

import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.internal.c_api.TFE_Context;
import org.tensorflow.internal.c_api.TFE_ContextOptions;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/** Lists TensorFlow's devices through a short-lived eager context (GPU memory grows on demand). */
final class DeviceProbe {

  private static final Pattern INDEX = Pattern.compile(".*:(\\d+)$");

  private DeviceProbe() {}

  /**
   * Lists the devices, CPUs first.
   *
   * @return the devices
   * @throws GraftException {@code GRAFT-TF-002} if TensorFlow cannot create a context
   */
  static List<TfDevice> listDevices() {
    byte[] config =
        ConfigProto.newBuilder()
            .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true))
            .build()
            .toByteArray();
    TF_Status status = TF_NewStatus();
    TFE_ContextOptions options = TFE_NewContextOptions();
    try (BytePointer configBytes = new BytePointer(config)) {
      TFE_ContextOptionsSetConfig(options, configBytes, config.length, status);
      check(status, "setting the device-probe config");
      TFE_Context context = TFE_NewContext(options, status);
      check(status, "creating a context to list devices");
      try {
        return list(context, status);
      } finally {
        TFE_DeleteContext(context);
      }
    } finally {
      TFE_DeleteContextOptions(options);
      TF_DeleteStatus(status);
    }
  }

  private static List<TfDevice> list(TFE_Context context, TF_Status status) {
    TF_DeviceList devices = TFE_ContextListDevices(context, status);
    check(status, "listing devices");
    try {
      List<TfDevice> result = new ArrayList<>();
      int count = TF_DeviceListCount(devices);
      for (int i = 0; i < count; i++) {
        String name = TF_DeviceListName(devices, i, status).getString();
        check(status, "reading a device name");
        String type = TF_DeviceListType(devices, i, status).getString();
        check(status, "reading a device type");
        long memory = TF_DeviceListMemoryBytes(devices, i, status);
        check(status, "reading a device's memory");
        Matcher matcher = INDEX.matcher(name);
        int index = matcher.matches() ? Integer.parseInt(matcher.group(1)) : i;
        result.add(new TfDevice(name, type, index, Math.max(0, memory)));
      }
      result.sort(
          Comparator.comparing((TfDevice d) -> d.isGpu() ? 1 : 0)
              .thenComparing(TfDevice::type)
              .thenComparingInt(TfDevice::index));
      return result;
    } finally {
      TF_DeleteDeviceList(devices);
    }
  }

  private static void check(TF_Status status, String step) {
    if (TF_GetCode(status) != TF_OK) {
      throw new GraftException(
          GraftErrors.ENGINE_START_FAILED,
          "TensorFlow failed while "
              + step
              + ": "
              + TF_Message(status).getString()
              + ". Run 'graft doctor' for details of the native setup.");
    }
  }
}
