package dev.graft.tensorflow.savedmodel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test fixtures: copies of the SavedModels under src/test/resources/savedmodel. */
final class Fixtures {

  private Fixtures() {}

  /**
   * Copies TensorFlow Serving's half_plus_two (a TF1 SavedModel written by Python TensorFlow) into
   * {@code parent}.
   */
  static Path halfPlusTwo(Path parent) throws IOException {
    return copy("half_plus_two", parent.resolve("half_plus_two"));
  }

  static Path halfPlusTwoTf2(Path parent) throws IOException {
    return copy("half_plus_two_tf2", parent.resolve("half_plus_two_tf2"));
  }

  private static Path copy(String name, Path target) throws IOException {
    Path source;
    try {
      source = Path.of(Fixtures.class.getResource("/savedmodel/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.toList()) {
        Path to = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to);
        }
      }
    }
    return target;
  }
}
