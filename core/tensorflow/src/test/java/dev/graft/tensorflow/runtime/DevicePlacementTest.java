package dev.graft.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.graft.api.config.DeviceConfig;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TInt32;

class DevicePlacementTest {

  private static final TfDevice CPU =
      new TfDevice("/job:localhost/replica:0/task:0/device:CPU:0", "CPU", 0, 0);
  private static final TfDevice GPU0 =
      new TfDevice("/job:localhost/replica:0/task:0/device:GPU:0", "GPU", 0, 1L << 30);

  @Test
  void cpuPlacementHidesGpusAndSetsThreads() {
    DevicePlacement placement =
        DevicePlacement.resolve(DeviceConfig.cpu().withThreads(2, 1), List.of(CPU));
    ConfigProto proto = placement.sessionConfig();

    assertEquals("cpu", placement.label());
    assertEquals(0, proto.getDeviceCountOrThrow("GPU"));
    assertEquals(2, proto.getIntraOpParallelismThreads());
    assertEquals(1, proto.getInterOpParallelismThreads());
    assertTrue(proto.getAllowSoftPlacement());
    assertEquals(Device.cpu(), placement.djlDevice());
    assertEquals("/device:CPU:0", placement.tensorFlowDeviceName());
    assertSame(proto, placement.djlModelOptions().get(DevicePlacement.DJL_CONFIG_PROTO_OPTION));
  }

  @Test
  void gpuPlacementUsesMemoryGrowthWhenThatGpuExists() {
    DevicePlacement placement = DevicePlacement.resolve(DeviceConfig.gpu(0), List.of(CPU, GPU0));

    assertEquals("gpu:0", placement.label());
    assertTrue(placement.sessionConfig().getGpuOptions().getAllowGrowth());
    assertFalse(placement.sessionConfig().containsDeviceCount("GPU"));
    assertEquals(Device.gpu(0), placement.djlDevice());
  }

  @Test
  void missingGpuIsReportedWithTheDevicesSeen() {
    GraftException none =
        assertThrows(
            GraftException.class, () -> DevicePlacement.resolve(DeviceConfig.gpu(0), List.of(CPU)));
    assertEquals(GraftErrors.DEVICE_UNAVAILABLE, none.errorId());
    assertTrue(none.getMessage().contains("'gpu:0'"), none.getMessage());
    assertTrue(none.getMessage().contains("no GPU"), none.getMessage());

    GraftException wrongIndex =
        assertThrows(
            GraftException.class,
            () -> DevicePlacement.resolve(DeviceConfig.gpu(3), List.of(CPU, GPU0)));
    assertTrue(wrongIndex.getMessage().contains("[gpu:0]"), wrongIndex.getMessage());
  }

  @Test
  void sessionsOpenWithTheResolvedConfigOnTheRunningRuntime() {
    DevicePlacement placement = DevicePlacement.resolve(DeviceConfig.cpu().withThreads(1, 1));
    try (Graph graph = new Graph();
        Session session = placement.openSession(graph)) {
      Ops tf = Ops.create(graph);
      var sum = tf.math.add(tf.constant(2), tf.constant(3));
      try (TInt32 result = (TInt32) session.runner().fetch(sum).run().get(0)) {
        assertEquals(5, result.getInt());
      }
    }
  }
}
