package dev.graft.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.api.error.GraftException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starts the runtime in a child JVM whose classpath lacks the natives jar. */
class NativesMissingTest {

  /** Entry point of the child JVM: prints the error message of a failed start. */
  public static final class StartProbe {
    private StartProbe() {}

    /**
     * Starts the runtime and prints the outcome.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
      try {
        TensorFlowRuntime.start();
        System.out.println("STARTED");
      } catch (GraftException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  @Test
  void missingNativesJarNamesTheJarAndTheFix() throws Exception {
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("tensorflow-core-native"))
            .collect(Collectors.joining(File.pathSeparator));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                StartProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    assertEquals(0, child.exitValue(), output);

    assertTrue(output.contains("GRAFT-TF-001"), output);
    assertTrue(
        output.contains("org/tensorflow/internal/c_api/linux-x86_64/libjnitensorflow.so"), output);
    assertTrue(output.contains("tensorflow-core-native-1.0.0-rc.1-linux-x86_64.jar"), output);
    assertTrue(output.contains("-Pgpu"), output);
  }
}
