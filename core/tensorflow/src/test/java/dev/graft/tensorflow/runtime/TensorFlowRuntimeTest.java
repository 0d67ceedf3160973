package dev.graft.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

class TensorFlowRuntimeTest {

  private static final float[][] A = {{1, 2}, {3, 4}};
  private static final float[][] B = {{5, 6}, {7, 8}};
  private static final float[] PRODUCT = {19, 22, 43, 50};

  @Test
  void startsOfflineFromTheClasspathNatives() {
    NativeInfo info = TensorFlowRuntime.start();

    assertEquals("2.16.1", info.tensorFlowVersion());
    assertEquals("0.36.0", info.djlVersion());
    assertEquals("linux-x86_64", info.platform());
    assertTrue(Files.isRegularFile(info.nativeLibraryDir().resolve("libjnitensorflow.so")));
    assertTrue(Files.isRegularFile(info.nativeLibraryDir().resolve("libtensorflow_cc.so.2")));
    assertEquals(
        info.nativeLibraryDir().toString(),
        System.getProperty(TensorFlowRuntime.LIBRARY_PATH_PROPERTY));
    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertFalse(info.devices().isEmpty());
    assertEquals("cpu:0", info.devices().get(0).label());
    assertTrue(info.describe().contains("TensorFlow 2.16.1"));
  }

  @Test
  void startIsIdempotentAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<NativeInfo>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit((Callable<NativeInfo>) TensorFlowRuntime::start));
      }
      NativeInfo first = results.get(0).get();
      for (Future<NativeInfo> result : results) {
        assertSame(first, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(TensorFlowRuntime.isStarted());
  }

  @Test
  void djlAndTfJavaComputeTheSameMatmulInOneJvm() {
    Engine engine = TensorFlowRuntime.engine();
    assertEquals("TensorFlow", engine.getEngineName());
    float[] viaDjl;
    try (NDManager manager = engine.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      NDArray b = manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
      viaDjl = a.matMul(b).toFloatArray();
    }
    assertArrayEquals(PRODUCT, viaDjl, 0f);

    float[] viaTfJava = new float[4];
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      MatMul<TFloat32> product =
          tf.linalg.matMul(tf.constant(StdArrays.ndCopyOf(A)), tf.constant(StdArrays.ndCopyOf(B)));
      try (TFloat32 result = (TFloat32) session.runner().fetch(product).run().get(0)) {
        for (int i = 0; i < 4; i++) {
          viaTfJava[i] = result.getFloat(i / 2, i % 2);
        }
      }
    }
    assertArrayEquals(PRODUCT, viaTfJava, 0f);
  }
}
