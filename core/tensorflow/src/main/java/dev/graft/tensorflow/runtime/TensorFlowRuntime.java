package dev.graft.tensorflow.runtime;

import ai.djl.engine.Engine;
import dev.graft.api.error.GraftErrors;
import dev.graft.api.error.GraftException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.TensorFlow;

/**
 * Starts TensorFlow offline: loads the native libraries that ship on the classpath and makes DJL's
 * TensorFlow engine and TF Java share them.
 *
 * <p>{@link #start()} does, once per JVM:
 *
 * <ol>
 *   <li>checks the platform ({@code linux-x86_64} is the only one with natives) and that the
 *       natives jar ({@code tensorflow-core-native-<version>-linux-x86_64.jar}, or {@code
 *       -linux-x86_64-gpu.jar} for GPU builds) is on the classpath;
 *   <li>loads the natives with JavaCPP's {@link Loader}, which extracts them once into its cache
 *       folder ({@code ~/.javacpp/cache} unless the system property {@code
 *       org.bytedeco.javacpp.cachedir} says otherwise);
 *   <li>sets the system property {@value #LIBRARY_PATH_PROPERTY} to that folder, so DJL finds the
 *       same {@code libjnitensorflow.so} and never downloads anything, and sets {@code
 *       ai.djl.offline=true} unless the caller chose otherwise;
 *   <li>starts DJL's engine {@code TensorFlow} and lists the devices TensorFlow sees.
 * </ol>
 *
 * <p>Thread-safe and idempotent: concurrent callers wait for the first start and all get the same
 * {@link NativeInfo}. A failed start is not cached, so a caller may fix the classpath and retry
 * only in a new JVM (native libraries cannot be unloaded), but the error is reported again each
 * time.
 */
public final class TensorFlowRuntime {

  /** The system property DJL reads to find {@code libjnitensorflow.so}. */
  public static final String LIBRARY_PATH_PROPERTY = "TENSORFLOW_LIBRARY_PATH";

  /** DJL's engine name for TensorFlow. */
  public static final String ENGINE_NAME = "TensorFlow";

  /** The native library every TensorFlow natives jar holds. */
  static final String JNI_LIBRARY = "libjnitensorflow.so";

  private static final String NATIVES_RESOURCE_ROOT = "org/tensorflow/internal/c_api/";
  private static final List<String> SUPPORTED_PLATFORMS = List.of("linux-x86_64");
  private static final String NATIVES_VERSION = "1.0.0-rc.1";
  private static final Logger LOG = LoggerFactory.getLogger(TensorFlowRuntime.class);
  private static final Object LOCK = new Object();

  private static volatile NativeInfo started;

  private TensorFlowRuntime() {}

  /**
   * Starts the runtime if it is not started yet.
   *
   * @return what was loaded and the devices TensorFlow sees
   * @throws GraftException {@code GRAFT-TF-001} if the platform is unsupported or the natives jar
   *     is missing, {@code GRAFT-TF-002} if the libraries are present but TensorFlow fails to start
   */
  public static NativeInfo start() {
    NativeInfo info = started;
    if (info != null) {
      return info;
    }
    synchronized (LOCK) {
      if (started == null) {
        started = bootstrap();
      }
      return started;
    }
  }

  /**
   * Whether {@link #start()} has completed successfully in this JVM.
   *
   * @return true once started
   */
  public static boolean isStarted() {
    return started != null;
  }

  /**
   * DJL's TensorFlow engine, starting the runtime first if needed.
   *
   * @return the engine
   * @throws GraftException as {@link #start()}
   */
  public static Engine engine() {
    start();
    return Engine.getEngine(ENGINE_NAME);
  }

  private static NativeInfo bootstrap() {
    String platform = Loader.getPlatform();
    String nativesFolder = findNativesFolder(platform);
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    Path libraryDir = loadNatives(nativesFolder);
    String overriding = System.getenv(LIBRARY_PATH_PROPERTY);
    if (overriding != null && !Path.of(overriding).toAbsolutePath().equals(libraryDir)) {
      LOG.warn(
          "Environment variable {}={} is ignored for loading; TensorFlow natives come from {}.",
          LIBRARY_PATH_PROPERTY,
          overriding,
          libraryDir);
    }
    System.setProperty(LIBRARY_PATH_PROPERTY, libraryDir.toString());
    Engine engine = startEngine(libraryDir);
    List<TfDevice> devices = DeviceProbe.listDevices();
    NativeInfo info =
        new NativeInfo(TensorFlow.version(), Engine.getDjlVersion(), platform, libraryDir, devices);
    LOG.info(
        "TensorFlow {} started via DJL {} ({}) from {}; devices {}",
        info.tensorFlowVersion(),
        info.djlVersion(),
        engine.getEngineName(),
        libraryDir,
        devices.stream().map(TfDevice::label).toList());
    return info;
  }

  private static String findNativesFolder(String platform) {
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    if (!SUPPORTED_PLATFORMS.contains(platform)) {
      throw new GraftException(
          GraftErrors.NATIVES_MISSING,
          "TensorFlow natives exist for "
              + SUPPORTED_PLATFORMS
              + " only; this JVM runs on "
              + os
              + " (JavaCPP platform '"
              + platform
              + "'). Run Graft on 64-bit x86 Linux (a container works on other hosts).");
    }
    ClassLoader loader = org.tensorflow.internal.c_api.global.tensorflow.class.getClassLoader();
    for (String folder : List.of(platform + "-gpu", platform)) {
      URL jni = loader.getResource(NATIVES_RESOURCE_ROOT + folder + "/" + JNI_LIBRARY);
      if (jni != null) {
        return folder;
      }
    }
    throw new GraftException(
        GraftErrors.NATIVES_MISSING,
        "TensorFlow native libraries not found: looked for "
            + NATIVES_RESOURCE_ROOT
            + platform
            + "/"
            + JNI_LIBRARY
            + " (and the "
            + platform
            + "-gpu variant) on the classpath. The host's lib/ folder must contain "
            + "tensorflow-core-native-"
            + NATIVES_VERSION
            + "-"
            + platform
            + ".jar (or, for a GPU host built with 'mvn -Pgpu', tensorflow-core-native-"
            + NATIVES_VERSION
            + "-"
            + platform
            + "-gpu.jar); reinstall Graft or add that jar.");
  }

  private static Path loadNatives(String nativesFolder) {
    String loaded;
    try {
      loaded = Loader.load(org.tensorflow.internal.c_api.global.tensorflow.class);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new GraftException(
          GraftErrors.NATIVES_MISSING,
          "TensorFlow native libraries in "
              + NATIVES_RESOURCE_ROOT
              + nativesFolder
              + " could not be loaded: "
              + e.getMessage()
              + ". Check that the JavaCPP cache folder ("
              + cacheDirDescription()
              + ") is writable and has ~700 MB free, and that glibc/libstdc++ are recent"
              + " (TensorFlow 2.16 needs glibc 2.17+).",
          e);
    }
    if (loaded == null) {
      throw new GraftException(
          GraftErrors.NATIVES_MISSING,
          "JavaCPP did not load TensorFlow's JNI library from "
              + NATIVES_RESOURCE_ROOT
              + nativesFolder
              + "; check that the system property org.bytedeco.javacpp.loadLibraries is not"
              + " set to false.");
    }
    Path dir = Path.of(loaded).toAbsolutePath().getParent();
    if (dir == null || !Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
      throw new GraftException(
          GraftErrors.NATIVES_MISSING,
          "TensorFlow's JNI library was loaded from "
              + loaded
              + " but no "
              + JNI_LIBRARY
              + " lies in that folder, so DJL could not share it. Remove the JavaCPP cache ("
              + cacheDirDescription()
              + ") and retry.");
    }
    return dir;
  }

  private static Engine startEngine(Path libraryDir) {
    try {
      Engine engine = Engine.getEngine(ENGINE_NAME);
      if (engine == null) {
        throw new GraftException(
            GraftErrors.ENGINE_START_FAILED,
            "DJL has no engine named '"
                + ENGINE_NAME
                + "'; the host's lib/ folder must contain ai.djl.tensorflow tensorflow-engine.");
      }
      return engine;
    } catch (GraftException e) {
      throw e;
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new GraftException(
          GraftErrors.ENGINE_START_FAILED,
          "DJL's TensorFlow engine failed to start with the natives in "
              + libraryDir
              + ": "
              + e.getMessage()
              + ". Run 'graft doctor' and check that only one TensorFlow natives jar is on the"
              + " classpath.",
          e);
    }
  }

  private static String cacheDirDescription() {
    String configured = System.getProperty("org.bytedeco.javacpp.cachedir");
    return configured != null ? configured : System.getProperty("user.home") + "/.javacpp/cache";
  }
}
