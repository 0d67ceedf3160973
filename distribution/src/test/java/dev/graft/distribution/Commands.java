package dev.graft.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands (the unpacked {@code bin/graft}, a nested Maven) for the tests. */
final class Commands {

  private Commands() {}

  /** The Maven home of the running build, passed by the surefire configuration. */
  static Path mavenHome() {
    return Path.of(property("maven.home"));
  }

  /** The running build's local repository, which nested builds share (offline). */
  static String localRepository() {
    return property("maven.repo.local");
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set; run this test through Maven (mvn install)");
    }
    return value;
  }

  /**
   * Runs a command, waits at most {@code timeout}, and returns its combined output; a non-zero exit
   * or a timeout fails the test with the command and the end of its output.
   */
  static String run(
      List<String> command, Path dir, Map<String, String> env, Duration timeout, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!done || p.exitValue() != 0) {
      String tail = output.length() > 6000 ? output.substring(output.length() - 6000) : output;
      fail(
          String.join(" ", command)
              + (done ? " exited with " + p.exitValue() : " timed out after " + timeout)
              + " in "
              + dir
              + "; output (end):\n"
              + tail);
    }
    return output;
  }
}
